import { lang } from '../index.js';

/** The texts a public body must publish: who is responsible, the accessibility statement, Leichte Sprache. */
const de = {
  backToEvent: 'Zurück zur Veranstaltung',
  home: 'Zur Startseite',
  notConfigured: 'Der Betreiber dieser Installation hat diese Angabe noch nicht eingetragen.',
  links: {
    privacy: 'Datenschutz',
    accessibility: 'Barrierefreiheit',
    easy: 'Leichte Sprache',
  },
  controller: {
    title: 'Verantwortlich',
    intro: 'Verantwortlich für die Verarbeitung (Art. 4 Nr. 7 DSGVO) ist der Betreiber dieser Installation:',
    dpo: 'Datenschutzbeauftragte/r',
    contact: 'Kontakt',
  },
  registration: {
    title: 'Wenn du vorab angemeldet warst',
    paragraphs: [
      'Hat dich der Veranstalter vorab angemeldet (zum Beispiel über sein Ticketsystem), hat er Name, Organisation, Ticketnummer, E-Mail-Adresse und deine Antworten zu Rolle, Stufe und Interessen eingelesen. Du bist dann „erwartet“: Niemand sieht dich auf der Leinwand oder an einem Tisch, bis du deinen persönlichen Link geöffnet, deine Angaben geprüft und diesen Hinweis angenommen hast.',
      'Deine E-Mail-Adresse wird nur als Vorschlag für dein Kontaktfeld gezeigt und nie geteilt, wenn du es nicht ausdrücklich erlaubst. Kommst du nicht, werden deine Angaben mit der Veranstaltung gelöscht; die Moderation kann die Liste der Erwarteten jederzeit löschen.',
    ],
  },
  accessibility: {
    heading: 'Erklärung zur Barrierefreiheit',
    intro: (operator: string | null) =>
      `${operator ?? 'Der Betreiber dieser Installation'} ist bemüht, Tischwechsel im Einklang mit den Vorschriften zur digitalen Barrierefreiheit barrierefrei zugänglich zu machen: der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0), der europäischen Norm EN 301 549 und den Gesetzen der Länder (zum Beispiel § 5 des Berliner Barrierefreie-IKT-Gesetzes, BIKTG).`,
    scope:
      'Diese Erklärung gilt für die Seiten zum Mitmachen, die Moderation, die Leinwand im Saal und die Druckansichten dieser Installation.',
    conformityTitle: 'Stand der Vereinbarkeit mit den Anforderungen',
    conformity:
      'Tischwechsel ist mit den Anforderungen der BITV 2.0 (WCAG 2.1, Stufe AA) teilweise vereinbar. Die Seiten werden bei jeder Änderung automatisiert geprüft (axe-core in Chromium) und sind mit der Tastatur bedienbar; neue Tischzuweisungen werden Screenreadern angesagt. Die Erklärung beruht auf einer Selbstbewertung; eine Prüfung durch eine unabhängige Stelle steht aus.',
    gapsTitle: 'Nicht barrierefreie Inhalte',
    gaps: [
      'QR-Codes (auf der Leinwand, auf Namensschildern und Tischkarten) sind ohne Kamera nicht nutzbar. Ersatz: Auf der Leinwand und den Tischkarten stehen der Link und der kurze Veranstaltungscode als Text daneben; den persönlichen Link kann der Veranstalter auch per E-Mail schicken, und ohne ihn geht das Mitmachen über die Anmeldung.',
      'Die Leinwand im Saal ist für das Lesen aus der Ferne gemacht; sie blättert bei vielen Namen selbsttätig weiter. Ersatz: Jede Person sieht ihren Tisch groß auf dem eigenen Handy, und die Moderation kann den Plan ausdrucken.',
      'Die Vibration bei einer neuen Runde gibt es nur in Browsern, die sie unterstützen. Ersatz: Die Ansage für Screenreader und die sichtbare Meldung.',
      'In Leichter Sprache gibt es nur eine kurze Erklärung des Dienstes, nicht alle Seiten.',
    ],
    feedbackTitle: 'Feedback und Kontakt',
    feedback:
      'Sind Ihnen Barrieren aufgefallen, oder brauchen Sie Informationen in einer zugänglichen Form? Schreiben Sie uns:',
    enforcementTitle: 'Durchsetzungs- und Schlichtungsverfahren',
    enforcement:
      'Wenn Sie auf Ihre Meldung keine zufriedenstellende Antwort bekommen, können Sie sich an die zuständige Durchsetzungs- bzw. Schlichtungsstelle wenden:',
    enforcementUnset:
      'Der Betreiber hat die zuständige Stelle noch nicht eingetragen. Für Stellen des Bundes ist es die Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz (BGG), für Stellen eines Landes die Durchsetzungsstelle nach dem jeweiligen Landesgesetz.',
  },
  easy: {
    heading: 'Tisch-Wechsel in Leichter Sprache',
    sections: [
      {
        title: 'Was ist Tisch-Wechsel?',
        lines: [
          'Sie sind bei einer Veranstaltung.',
          'Im Saal gibt es viele Tische.',
          'Sie sitzen mit anderen Menschen an einem Tisch.',
          'Sie reden miteinander.',
          'Nach ein paar Minuten wechseln alle den Tisch.',
          'So lernen Sie viele neue Menschen kennen.',
        ],
      },
      {
        title: 'So machen Sie mit',
        lines: [
          '1. Halten Sie Ihr Handy an den QR-Code. Der QR-Code ist ein Bild aus kleinen Quadraten.',
          '2. Schreiben Sie Ihren Namen.',
          '3. Wählen Sie aus: Wo arbeiten Sie? Was interessiert Sie?',
          '4. Tippen Sie auf: Mitmachen.',
          '5. Ihr Handy zeigt eine Tisch-Nummer. Gehen Sie zu diesem Tisch.',
        ],
      },
      {
        title: 'Ihre Daten',
        lines: [
          'Ihr Name steht auf der großen Leinwand im Saal.',
          'Die Menschen an Ihrem Tisch sehen Ihren Namen.',
          'Nach der Veranstaltung löschen wir Ihre Daten.',
          'Sie können Ihre Daten auch selbst löschen.',
        ],
      },
      {
        title: 'Brauchen Sie Hilfe?',
        lines: ['Fragen Sie die Menschen vom Team.', 'Sie können auch ohne Handy mitmachen.'],
      },
    ],
  },
};

const en: typeof de = {
  backToEvent: 'Back to the event',
  home: 'To the start page',
  notConfigured: 'The operator of this installation has not filled this in yet.',
  links: {
    privacy: 'Privacy',
    accessibility: 'Accessibility',
    easy: 'Easy to read',
  },
  controller: {
    title: 'Controller',
    intro: 'The controller of the processing (Art. 4(7) GDPR) is the operator of this installation:',
    dpo: 'Data protection officer',
    contact: 'Contact',
  },
  registration: {
    title: 'If you were registered in advance',
    paragraphs: [
      'If the organiser registered you in advance (through their ticket system, for instance), they imported your name, organisation, ticket number, e-mail address and your answers about role, stage and interests. You are then "expected": nobody sees you on the screen or at a table until you have opened your personal link, checked your details and accepted this notice.',
      'Your e-mail address is only offered as a suggestion for your contact field and never shared unless you explicitly allow it. If you do not come, your details are erased with the event; the moderators can erase the list of expected people at any time.',
    ],
  },
  accessibility: {
    heading: 'Accessibility statement',
    intro: (operator: string | null) =>
      `${operator ?? 'The operator of this installation'} strives to make Tischwechsel accessible in line with the rules on digital accessibility: the German Barrierefreie-Informationstechnik-Verordnung (BITV 2.0), the European standard EN 301 549 and the laws of the Länder (for example § 5 of Berlin's accessible ICT act, BIKTG).`,
    scope:
      'This statement covers the join pages, the moderator console, the venue screen and the print views of this installation.',
    conformityTitle: 'Compliance status',
    conformity:
      'Tischwechsel is partially compliant with BITV 2.0 (WCAG 2.1, level AA). The pages are checked automatically on every change (axe-core in Chromium) and work with the keyboard; new table assignments are announced to screen readers. This statement is based on a self-assessment; an independent audit is pending.',
    gapsTitle: 'Non-accessible content',
    gaps: [
      'QR codes (on the venue screen, on name badges and table cards) need a camera. Alternative: on the screen and the table cards the link and the short event code stand next to them as text; the organiser can also send the personal link by e-mail, and without it one joins through the ordinary join page.',
      'The venue screen is made to be read from afar; with many names it pages on by itself. Alternative: everyone sees their table in large type on their own phone, and the moderators can print the plan.',
      'Vibration at a new round only works in browsers that support it. Alternative: the screen-reader announcement and the visible message.',
      'Only a short explanation of the service is available in Leichte Sprache (German easy-to-read), not every page.',
    ],
    feedbackTitle: 'Feedback and contact',
    feedback: 'Did you come across barriers, or do you need information in an accessible form? Write to us:',
    enforcementTitle: 'Enforcement and arbitration procedure',
    enforcement:
      'If you do not receive a satisfactory answer to your report, you can turn to the responsible enforcement or arbitration body:',
    enforcementUnset:
      'The operator has not entered the responsible body yet. For federal bodies it is the arbitration body under § 16 of the German Disability Equality Act (BGG); for bodies of a Land, the enforcement body under that Land’s law.',
  },
  easy: {
    heading: 'Tischwechsel in plain language',
    sections: [
      {
        title: 'What is Tischwechsel?',
        lines: [
          'You are at an event.',
          'There are many tables in the room.',
          'You sit at a table with other people.',
          'You talk to each other.',
          'After a few minutes everybody changes tables.',
          'This way you meet many new people.',
        ],
      },
      {
        title: 'How to take part',
        lines: [
          '1. Point your phone at the QR code. The QR code is a picture made of small squares.',
          '2. Write your name.',
          '3. Choose: where do you work? What are you interested in?',
          '4. Tap: Join.',
          '5. Your phone shows a table number. Go to that table.',
        ],
      },
      {
        title: 'Your data',
        lines: [
          'Your name is shown on the big screen in the room.',
          'The people at your table see your name.',
          'After the event we delete your data.',
          'You can also delete your data yourself.',
        ],
      },
      {
        title: 'Do you need help?',
        lines: ['Ask the people from the team.', 'You can also take part without a phone.'],
      },
    ],
  },
};

export const legalText = () => (lang.value === 'en' ? en : de);
