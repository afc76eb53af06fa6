import { unprocessable } from '../errors.js';
import type { Catalogue } from './catalogue.js';

interface ProfileChoices {
  role?: string | undefined;
  stage?: number | undefined;
  interests?: string[] | undefined;
}

/** The profile's choices must come from the event's own catalogue. */
export function assertInCatalogue(catalogue: Catalogue, profile: ProfileChoices): void {
  const problems: { field: string; message: string }[] = [];
  if (profile.role !== undefined && !catalogue.roles.some((r) => r.key === profile.role)) {
    problems.push({ field: 'role', message: `unknown role "${profile.role}"` });
  }
  if (profile.stage !== undefined && !catalogue.stages.some((s) => s.value === profile.stage)) {
    problems.push({ field: 'stage', message: `unknown stage ${profile.stage}` });
  }
  for (const interest of profile.interests ?? []) {
    if (!catalogue.interests.some((i) => i.key === interest)) {
      problems.push({ field: 'interests', message: `unknown interest "${interest}"` });
    }
  }
  if (problems.length > 0) {
    throw unprocessable(
      'not_in_catalogue',
      problems.map((p) => `${p.field}: ${p.message}`).join('; '),
      problems,
    );
  }
}

export function assertTopicsInCatalogue(catalogue: Catalogue, topics: (string | null)[]): void {
  const unknown = topics.filter((t) => t !== null && !catalogue.interests.some((i) => i.key === t));
  if (unknown.length > 0) {
    throw unprocessable('not_in_catalogue', `unknown table topic "${unknown[0]}"`, [
      { field: 'tables', message: 'topic must be an interest of the catalogue' },
    ]);
  }
}
