/** Thirteen people with different profiles; one name is an XSS probe that must stay text. */
export interface Person {
  name: string;
  organisation: string;
  role: string;
  stage: number;
  interests: string[];
  contact?: string;
}

export const XSS_NAME = '<img src=x onerror=alert(1)>';

export const PEOPLE: Person[] = [
  {
    name: 'Anna Amsel',
    organisation: 'LH München',
    role: 'verwaltung',
    stage: 2,
    interests: ['governance', 'beschaffung'],
    contact: 'anna@example.org',
  },
  {
    name: 'Bernd Brandt',
    organisation: 'Stadt Köln',
    role: 'verwaltung',
    stage: 1,
    interests: ['beschaffung', 'souveraenitaet'],
    contact: 'https://bernd.example.org',
  },
  {
    name: 'Cem Çelik',
    organisation: 'OSBA',
    role: 'community',
    stage: 4,
    interests: ['governance', 'community'],
    contact: 'cem@example.org',
  },
  {
    name: 'Dana Dietz',
    organisation: 'ZenDiS',
    role: 'verwaltung',
    stage: 3,
    interests: ['souveraenitaet', 'kompetenz'],
  },
  {
    name: 'Emil Ernst',
    organisation: 'Fraunhofer FOKUS',
    role: 'wissenschaft',
    stage: 2,
    interests: ['datenplattformen', 'lizenzen'],
    contact: 'emil@example.org',
  },
  {
    name: 'Frieda Fuchs',
    organisation: 'Open Knowledge',
    role: 'zivilgesellschaft',
    stage: 3,
    interests: ['datenplattformen', 'community'],
  },
  {
    name: 'Gül Günther',
    organisation: 'Dataport',
    role: 'wirtschaft',
    stage: 2,
    interests: ['fachverfahren', 'sicherheit'],
    contact: 'gul@example.org',
  },
  {
    name: 'Hannes Haas',
    organisation: 'Bundestag',
    role: 'politik',
    stage: 0,
    interests: ['foerderung', 'souveraenitaet'],
  },
  {
    name: 'Ida Ilić',
    organisation: 'Stadt Köln',
    role: 'verwaltung',
    stage: 1,
    interests: ['kompetenz', 'fachverfahren'],
  },
  {
    name: 'Jonas Jäger',
    organisation: 'Sovereign Tech Agency',
    role: 'community',
    stage: 4,
    interests: ['foerderung', 'governance'],
  },
  {
    name: 'Kim Krause',
    organisation: 'HPI',
    role: 'wissenschaft',
    stage: 0,
    interests: ['lizenzen', 'sicherheit'],
  },
  {
    name: 'Lea Lorenz',
    organisation: 'Pixelwerk GmbH',
    role: 'wirtschaft',
    stage: 1,
    interests: ['beschaffung', 'fachverfahren'],
  },
  { name: XSS_NAME, organisation: '<b>bold</b> GmbH', role: 'andere', stage: 2, interests: ['community'] },
];
