import type { Language } from '../db/schema/constants.js';
import { OSS_VERWALTUNG } from './catalogue-templates/oss-verwaltung.js';

export type Label = Record<Language, string>;

export interface CatalogueRole {
  key: string;
  label: Label;
}

export interface CatalogueStage {
  key: string;
  /** Ordinal 0–4, used by the matching engine to mix experience. */
  value: number;
  label: Label;
  description: Label;
}

export interface CatalogueInterest {
  key: string;
  label: Label;
  starters: Record<Language, string[]>;
}

export interface Catalogue {
  roles: CatalogueRole[];
  stages: CatalogueStage[];
  interests: CatalogueInterest[];
}

export const CATALOGUE_TEMPLATES = ['oss-verwaltung'] as const;
export type CatalogueTemplate = (typeof CATALOGUE_TEMPLATES)[number];

export function catalogueTemplate(name: CatalogueTemplate): Catalogue {
  switch (name) {
    case 'oss-verwaltung':
      return structuredClone(OSS_VERWALTUNG);
  }
}
