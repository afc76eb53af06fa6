// The server's shapes, imported as types only so the two sides cannot drift: the views' own types,
// and the response schemas' types for everything else a route answers.
import type { Language } from '../../../src/db/schema/constants.js';
import type { Catalogue } from '../../../src/domain/catalogue.js';
import type { Phase } from '../../../src/domain/event-state.js';
import type { ModeratorView, ParticipantView, ScreenView } from '../../../src/domain/views.js';
import type { Metrics } from '../../../src/matching/types.js';
import type { ClaimProfile } from '../../../src/routes/import-responses.js';
import type {
  CreatedEvent,
  HarvestReport,
  KnownPerson,
  PublicInfo,
  RoundPreview,
  SeatingPlan,
  ServerInfo,
  SharedContact,
} from '../../../src/routes/responses.js';

export type {
  Catalogue,
  ClaimProfile,
  CreatedEvent,
  HarvestReport,
  KnownPerson,
  Language,
  Metrics,
  ModeratorView,
  ParticipantView,
  Phase,
  PublicInfo,
  RoundPreview,
  ScreenView,
  SeatingPlan,
  ServerInfo,
  SharedContact,
};
