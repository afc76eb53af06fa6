// The server's shapes, imported as types only so the two sides cannot drift.
import type { Catalogue } from '../../../src/domain/catalogue.js';
import type { HarvestReport } from '../../../src/domain/harvest-export.js';
import type { ModeratorView, ParticipantView, ScreenView } from '../../../src/domain/views.js';
import type { Metrics } from '../../../src/matching/types.js';

export type { Catalogue, HarvestReport, Metrics, ModeratorView, ParticipantView, ScreenView };
export type Language = 'de' | 'en';
export type Phase = 'lobby' | 'round' | 'between' | 'finished';

/** GET /api/events/:code */
export interface PublicInfo {
  code: string;
  title: string;
  language: Language;
  status: 'active' | 'finished';
  phase: Phase;
  joinOpen: boolean;
  participantCount: number;
  catalogue: Catalogue;
  links: { join: string };
}

/** POST /api/events */
export interface CreatedEvent {
  code: string;
  moderator: string;
  screen: string;
  links: { join: string; moderator: string; screen: string };
}

/** GET /api/events/:code/preview */
export interface RoundPreview {
  number: number;
  metrics: Metrics;
  tables: { label: string; people: (string | undefined)[] }[];
}

/** GET /api/events/:code/plan */
export interface SeatingPlan {
  title: string;
  rounds: { number: number; planned: boolean; seating: { name: string; table: string }[] }[];
  tables: {
    label: string;
    topic: string | null;
    rounds: { number: number; planned: boolean; names: string[] }[];
  }[];
}

export interface SharedContact {
  name: string;
  organisation: string | null;
  contact: string;
}
