import type { Catalogue } from './catalogue.js';
import type { NewProfile } from './inputs.js';

const FIRST = [
  'Anna',
  'Ben',
  'Clara',
  'Deniz',
  'Elif',
  'Felix',
  'Greta',
  'Hamid',
  'Ines',
  'Jonas',
  'Katja',
  'Lars',
  'Mira',
  'Nils',
  'Olga',
  'Paul',
  'Quentin',
  'Rosa',
  'Sven',
  'Tara',
  'Uwe',
  'Vera',
  'Wim',
  'Yara',
  'Zoe',
];
const LAST = [
  'Albers',
  'Brandt',
  'Çelik',
  'Dietz',
  'Engel',
  'Fuchs',
  'Graf',
  'Hahn',
  'Ivanova',
  'Jung',
  'Krüger',
  'Lang',
  'Mayer',
  'Nowak',
  'Otto',
  'Peters',
  'Roth',
  'Schulz',
  'Thiel',
  'Vogel',
  'Weber',
  'Yilmaz',
  'Ziegler',
];
const ORGANISATIONS = [
  'Stadt Musterstadt',
  'LH München',
  'Bezirksamt Mitte',
  'ITZBund',
  'Dataport',
  'OSBA',
  'Fraunhofer FOKUS',
  'Open Knowledge Foundation',
  'Code for Germany',
  'Land Schleswig-Holstein',
  'ZenDiS',
  'Sovereign Tech Agency',
  'Universität Potsdam',
  'Kommunal-IT eG',
  null,
];

/** A small deterministic generator (mulberry32): rehearsals look the same each time for a seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Simulated participants for a rehearsal: plausible names, organisations and choices from the catalogue. */
export function simulatedProfiles(catalogue: Catalogue, count: number, seed = 1): NewProfile[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const interests = [...catalogue.interests].sort(() => next() - 0.5).slice(0, 1 + Math.floor(next() * 3));
    return {
      displayName: `${pick(FIRST)} ${pick(LAST)} (${i + 1})`,
      organisation: pick(ORGANISATIONS),
      role: pick(catalogue.roles).key,
      stage: pick(catalogue.stages).value,
      interests: interests.map((x) => x.key),
    };
  });
}
