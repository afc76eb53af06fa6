// The server's shapes of the attendee import, as types only so the two sides cannot drift.
import type { ImportMapping } from '../../../../src/domain/import/mapping.js';
import type { ValueMap } from '../../../../src/domain/import/rows.js';
import type {
  BadgeSheets,
  ExpectedErased,
  ImportDone,
  ImportPreview,
  RegistrationList,
} from '../../../../src/routes/import-responses.js';

export type ValueField = keyof ValueMap;
export type {
  BadgeSheets,
  ExpectedErased,
  ImportDone,
  ImportMapping,
  ImportPreview,
  RegistrationList,
  ValueMap,
};
