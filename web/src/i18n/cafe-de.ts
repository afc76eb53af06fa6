/** German texts of the World Café parts: the round's question, the table's harvest, feedback. */
export const cafeDe = {
  question: 'Frage dieser Runde',
  harvest: {
    heading: 'Ernte eures Tisches',
    intro: 'Was nehmt ihr mit? Kurze Gedanken, ohne Namen – jede und jeder am Tisch kann einen beitragen.',
    label: 'Ein Gedanke eures Tisches',
    hint: (max: number) => `Höchstens ${max} Zeichen. Ohne Namen gespeichert.`,
    counter: (n: number, max: number) => `${n} von ${max} Zeichen`,
    add: 'Hinzufügen',
    added: 'Danke! Euer Gedanke ist in der Ernte.',
    count: (n: number, max: number) => `${n} von ${max} Beiträgen`,
    full: 'Euer Tisch hat alle Beiträge für diese Runde abgegeben.',
    empty: 'Noch keine Beiträge.',
    tooLong: (max: number) => `Bitte höchstens ${max} Zeichen.`,
    required: 'Bitte einen kurzen Gedanken eingeben.',
  },
  feedback: {
    question: 'Wie war dieses Gespräch?',
    optional: 'Freiwillig und anonym, einmal pro Runde.',
    faces: { good: 'Gut', okay: 'Ging so', poor: 'Nicht gut' },
    thanks: 'Danke für deine Rückmeldung!',
  },
  wall: {
    heading: 'Ernte',
    round: (n: number) => `Runde ${n}`,
    empty: 'Noch keine Beiträge.',
  },
  recap: {
    heading: 'So war es',
    answers: (n: number) => `${n} ${n === 1 ? 'Rückmeldung' : 'Rückmeldungen'}`,
    tooFew: (n: number, min: number) =>
      `${n} ${n === 1 ? 'Rückmeldung' : 'Rückmeldungen'} – eine Verteilung zeigen wir erst ab ${min}.`,
  },
  console: {
    questionsHeading: 'Fragen der Runden',
    questionsIntro:
      'Eine Frage pro Runde, groß auf der Leinwand und auf jedem Handy, während die Runde läuft.',
    roundQuestion: (n: number) => `Runde ${n}`,
    german: 'Deutsch',
    english: 'Englisch',
    save: 'Speichern',
    saved: 'Gespeichert.',
    current: 'läuft',
    harvestHeading: 'Ernte',
    harvestEmpty:
      'Noch keine Beiträge. Die Tische können während der Runde und kurz danach Gedanken beitragen.',
    hide: 'Ausblenden',
    show: 'Wieder zeigen',
    hidden: 'ausgeblendet',
    hideLabel: (text: string) => `„${text}“ ausblenden`,
    showLabel: (text: string) => `„${text}“ wieder zeigen`,
    wallHeading: 'Ernte-Wand auf der Leinwand',
    wallRound: 'Runde für die Wand',
    wallAll: 'Alle Runden',
    wallShow: 'Auf der Leinwand zeigen',
    wallHide: 'Von der Leinwand nehmen',
    wallOn: (round: number | null) =>
      round === null
        ? 'Die Leinwand zeigt die Ernte aller Runden.'
        : `Die Leinwand zeigt die Ernte von Runde ${round}.`,
    wallNote: 'Mit dem Start der nächsten Runde zeigt die Leinwand wieder die Tische.',
    exportMd: 'Ernte als Markdown',
    exportCsv: 'Ernte als CSV',
    feedbackHeading: 'Rückmeldungen',
    feedbackEmpty: 'Nach jeder Runde fragen die Handys: „Wie war dieses Gespräch?“',
    round: 'Runde',
    answers: 'Antworten',
    overall: 'Insgesamt',
    pending: 'erscheint mit der nächsten Runde',
    tooFew: (min: number) => `unter ${min}`,
    feedbackExplain: (min: number) =>
      `Damit niemand einer Antwort zugeordnet werden kann, erscheint die Verteilung einer Runde erst, wenn die nächste Runde beginnt oder die Veranstaltung endet, und erst ab ${min} Antworten.`,
  },
  print: {
    heading: 'Ernte',
    round: (n: number) => `Runde ${n}`,
    none: 'Keine Beiträge.',
  },
};

export type CafeDictionary = typeof cafeDe;
