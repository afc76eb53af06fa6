import type { Catalogue } from '../catalogue.js';

/** The default template "oss-verwaltung": open source in public administration, German and English. */
export const OSS_VERWALTUNG: Catalogue = {
  roles: [
    { key: 'verwaltung', label: { de: 'Öffentliche Verwaltung', en: 'Public administration' } },
    { key: 'wirtschaft', label: { de: 'Unternehmen & Dienstleister', en: 'Company or service provider' } },
    {
      key: 'community',
      label: { de: 'Open-Source-Community & Foundation', en: 'Open-source community & foundation' },
    },
    { key: 'wissenschaft', label: { de: 'Wissenschaft & Forschung', en: 'Research' } },
    { key: 'zivilgesellschaft', label: { de: 'Zivilgesellschaft & NGO', en: 'Civil society' } },
    { key: 'politik', label: { de: 'Politik', en: 'Politics' } },
    { key: 'andere', label: { de: 'Sonstiges', en: 'Other' } },
  ],
  stages: [
    {
      key: 'neugierig',
      value: 0,
      label: { de: 'Neugierig', en: 'Curious' },
      description: { de: 'Wir fangen gerade an', en: 'Just starting' },
    },
    {
      key: 'nutzen',
      value: 1,
      label: { de: 'Nutzen', en: 'Using' },
      description: { de: 'Wir nutzen Open Source', en: 'We use open source' },
    },
    {
      key: 'beitragen',
      value: 2,
      label: { de: 'Beitragen', en: 'Contributing' },
      description: {
        de: 'Wir tragen bei: Code, Sponsoring, Feature-Finanzierung',
        en: 'We contribute: code, sponsoring, feature funding',
      },
    },
    {
      key: 'veroeffentlichen',
      value: 3,
      label: { de: 'Veröffentlichen', en: 'Publishing' },
      description: { de: 'Wir veröffentlichen eigene Projekte', en: 'We publish our own projects' },
    },
    {
      key: 'strategie',
      value: 4,
      label: { de: 'Strategie', en: 'Strategy' },
      description: { de: 'Wir gestalten Strategie und Governance', en: 'We shape strategy and governance' },
    },
  ],
  interests: [
    {
      key: 'governance',
      label: { de: 'Governance-Modelle', en: 'Governance models' },
      starters: {
        de: [
          'Einzelne Maintainerin, Hersteller oder Foundation: Welches Governance-Modell trägt bei euch?',
          'Wer entscheidet in euren Projekten, was in den Code kommt – und wie transparent ist das?',
        ],
        en: [
          'Single maintainer, vendor or foundation: which governance model works for you?',
          'Who decides what goes into the code in your projects, and how transparent is that?',
        ],
      },
    },
    {
      key: 'souveraenitaet',
      label: { de: 'Digitale Souveränität', en: 'Digital sovereignty' },
      starters: {
        de: [
          'Wo seid ihr heute von einem einzelnen Anbieter abhängig – und was wäre der erste Schritt heraus?',
          'Was bedeutet digitale Souveränität für euch ganz konkret im Alltag?',
        ],
        en: [
          'Where do you depend on a single vendor today, and what would be the first step out?',
          'What does digital sovereignty mean for you in day-to-day work?',
        ],
      },
    },
    {
      key: 'beschaffung',
      label: { de: 'Beschaffung', en: 'Procurement' },
      starters: {
        de: [
          'Wie schreibt man Open Source in einer Ausschreibung richtig aus?',
          'Welche Vergabe hat bei euch gut geklappt – und welche gar nicht?',
        ],
        en: [
          'How do you put open source into a tender the right way?',
          'Which procurement went well for you, and which did not?',
        ],
      },
    },
    {
      key: 'foerderung',
      label: { de: 'Beiträge, Sponsoring, Förderung', en: 'Contributions and funding' },
      starters: {
        de: [
          'Sponsoring, Feature-Finanzierung oder Sabbaticals: Wie gebt ihr den Projekten etwas zurück?',
          'Wie begründet man gegenüber dem Haushalt, Geld in ein Open-Source-Projekt zu geben?',
        ],
        en: [
          'Sponsoring, feature funding or sabbaticals: how do you give back to the projects you use?',
          'How do you justify funding an open-source project to your budget holders?',
        ],
      },
    },
    {
      key: 'datenplattformen',
      label: { de: 'Urbane Datenplattformen & Open Data', en: 'Urban data platforms & open data' },
      starters: {
        de: [
          'Welche Daten eurer Stadt würdet ihr gern morgen öffnen – und was hält euch ab?',
          'Wie teilen Kommunen Datenplattformen, statt jede neu zu bauen?',
        ],
        en: [
          'Which of your city’s data would you like to open tomorrow, and what stops you?',
          'How can municipalities share data platforms instead of each building their own?',
        ],
      },
    },
    {
      key: 'fachverfahren',
      label: { de: 'Fachverfahren & Schnittstellen', en: 'Specialised procedures & interfaces' },
      starters: {
        de: [
          'Welches Fachverfahren würdet ihr am liebsten gemeinsam als Open Source entwickeln?',
          'Offene Schnittstellen: Wo klappt der Austausch zwischen Verfahren schon gut?',
        ],
        en: [
          'Which specialised procedure would you most like to build together as open source?',
          'Open interfaces: where does data exchange between procedures already work well?',
        ],
      },
    },
    {
      key: 'kompetenz',
      label: { de: 'Kompetenzaufbau in der Verwaltung', en: 'Building skills in administration' },
      starters: {
        de: [
          'Wie baut ihr Open-Source-Kompetenz im eigenen Haus auf?',
          'Was hat euren Kolleginnen und Kollegen den Einstieg in Open Source leichter gemacht?',
        ],
        en: [
          'How do you build open-source skills in your own organisation?',
          'What made getting started with open source easier for your colleagues?',
        ],
      },
    },
    {
      key: 'lizenzen',
      label: { de: 'Lizenzen & Compliance', en: 'Licences & compliance' },
      starters: {
        de: [
          'EUPL, GPL, MIT: Nach welchen Kriterien wählt ihr Lizenzen?',
          'Wie behaltet ihr den Überblick über Lizenzen in euren Abhängigkeiten?',
        ],
        en: [
          'EUPL, GPL, MIT: how do you choose a licence?',
          'How do you keep track of the licences in your dependencies?',
        ],
      },
    },
    {
      key: 'community',
      label: { de: 'Community & Zusammenarbeit', en: 'Community & collaboration' },
      starters: {
        de: [
          'Mit welcher anderen Organisation würdet ihr gern gemeinsam ein Projekt pflegen?',
          'Was macht eine Open-Source-Community für Verwaltungen einladend?',
        ],
        en: [
          'Which other organisation would you like to maintain a project with?',
          'What makes an open-source community welcoming for public administrations?',
        ],
      },
    },
    {
      key: 'sicherheit',
      label: { de: 'Sicherheit & Betrieb', en: 'Security & operations' },
      starters: {
        de: [
          'Wer kümmert sich bei euch um Sicherheitsupdates von Open-Source-Komponenten?',
          'Betrieb selbst, im Verbund oder beim Dienstleister: Was hat sich bewährt?',
        ],
        en: [
          'Who takes care of security updates for open-source components in your organisation?',
          'Run it yourself, in a shared service or with a provider: what has worked for you?',
        ],
      },
    },
  ],
};
