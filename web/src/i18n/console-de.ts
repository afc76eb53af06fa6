/**
 * German texts only the console and the start page use, kept out of the dictionary every phone
 * downloads (the participant page has a script budget); console-en.ts has the same keys.
 */
export const consoleDe = {
  rounds: {
    notLive: (played: number, planned: number) =>
      played > planned
        ? `${played} Runden gespielt (${planned} geplant).`
        : `${played} von ${planned} Runden gespielt.`,
    extraLive: (n: number) => `Extrarunde (Runde ${n}) läuft.`,
    startExtra: (n: number) => `Extrarunde ${n} starten …`,
    extraConfirm: (planned: number) =>
      `Alle ${planned} geplanten Runden sind gespielt. Noch eine Extrarunde starten? Handys und Leinwand zeigen sie als Extrarunde.`,
    extraYes: (n: number) => `Ja, Extrarunde ${n} starten`,
    endConfirm: (n: number) =>
      `Runde ${n} jetzt für alle beenden? Die Handys und die Leinwand zeigen dann „Nächste Runde gleich“.`,
    endYes: 'Ja, Runde beenden',
    allPlayedHeading: 'Alle geplanten Runden sind gespielt',
    allPlayed:
      'Beende jetzt die Veranstaltung: Erst dann sehen die Teilnehmenden die Kontakte der Menschen, die sie getroffen haben.',
  },
  people: {
    search: 'Suchen (Name oder Organisation)',
    all: 'alle',
    noSeat: 'ohne Platz',
    sort: 'Sortieren nach',
    sortName: 'Name',
    sortJoined: 'zuletzt beigetreten',
    sortTable: 'Tisch',
    showing: (n: number, total: number) => `${n} von ${total} angezeigt`,
    noMatch: 'Niemand passt zu Suche und Filter.',
    change: 'Ändern',
    close: 'Schließen',
    joinedAt: (time: string) => `dabei seit ${time}`,
    duplicate: 'Name doppelt',
    tableFill: (label: string, seated: number, seats: number) => `${label} (${seated}/${seats})`,
    remove: 'Person entfernen …',
    removeConfirm: (name: string) =>
      `${name} wird sofort gelöscht: aus der Liste, aus den Runden und von der Leinwand. Das lässt sich nicht rückgängig machen.`,
    removeYes: 'Ja, endgültig entfernen',
    removed: (name: string) => `${name} wurde entfernt.`,
  },
  settings: {
    rehearsalRemove: 'Alle Probe-Personen entfernen …',
    rehearsalRemoveConfirm: (n: number) =>
      `Die ${n} simulierten Personen des Probelaufs werden entfernt. Echte Teilnehmende bleiben.`,
    rehearsalRemoveYes: 'Ja, alle Probe-Personen entfernen',
    rehearsalRemoved: (n: number) => `${n} Probe-Personen wurden entfernt.`,
  },
  tables: {
    changeHost: 'Ändern',
    addCount: 'Wie viele auf einmal',
    addTables: (n: number) => `${n} Tische hinzufügen`,
  },
  tableCards: {
    heading: (title: string) => `Tischkarten: ${title}`,
    open: 'Tischkarten drucken',
    topic: (topic: string) => `Thema: ${topic}`,
    host: (name: string) => `Gastgeber:in: ${name}`,
    join: 'Noch nicht dabei? QR-Code scannen oder öffnen:',
  },
  matching: {
    weightsHint:
      'Je höher die Zahl, desto wichtiger ist das Ziel bei der Einteilung (0 = egal, höchstens 1000). Ein leeres Feld behält die Voreinstellung: Kolleg:innen trennen 1000, Rollen mischen 10, Stufen mischen 9, gemeinsames Interesse 8, Thementische 3. Wiederholungen zu vermeiden hat immer Vorrang.',
    presetLegend: 'Worauf soll die Einteilung achten? Neue Begegnungen gehen immer vor.',
    presets: {
      balanced: {
        title: 'Ausgewogen (empfohlen)',
        hint: 'Kolleg:innen sitzen getrennt, dann werden Rollen und Stufen gemischt, dann gemeinsame Interessen gesucht.',
      },
      mixRoles: {
        title: 'Rollen stark mischen',
        hint: 'Verwaltung, Wirtschaft, Community und Forschung möglichst an jedem Tisch; Kolleg:innen bleiben getrennt.',
      },
      interests: {
        title: 'Gemeinsame Interessen zuerst',
        hint: 'Jede Person sitzt mit jemandem, der ein Interesse teilt; die Mischung kommt danach.',
      },
      topics: {
        title: 'Thementische bevorzugen',
        hint: 'Wer ein Thema gewählt hat, sitzt bevorzugt am Tisch zu diesem Thema.',
      },
      colleaguesTogether: {
        title: 'Kolleg:innen dürfen zusammensitzen',
        hint: 'Für interne Veranstaltungen: Die Organisation spielt keine Rolle.',
      },
      custom: {
        title: 'Eigene Gewichte (für Fortgeschrittene)',
        hint: 'Jedes Ziel als Zahl einstellen.',
      },
    },
  },
};

export type ConsoleDictionary = typeof consoleDe;
