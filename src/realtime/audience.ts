import type { EventState } from '../domain/event-state.js';
import { moderatorView, moderatorViewLists, screenView } from '../domain/views.js';
import { applyViewPatch, diffView, type ViewPatch } from '../shared/view-patch.js';
import type { Subscription } from './connection.js';
import { etagOf } from './etag.js';
import type { ViewByRole } from './messages.js';
import { type EarlierParts, PhoneViews, type PreparedParts } from './phone-views.js';

export interface BuiltView {
  /** Kept for screens and moderators only: a moderator patch is computed from it. */
  view?: ViewByRole[keyof ViewByRole];
  /** The view serialised once: it is both hashed for the etag and spliced into the snapshot frame. */
  json: string;
  etag: string;
}

const built = (view: ViewByRole[keyof ViewByRole]): BuiltView => {
  const json = JSON.stringify(view);
  return { view, json, etag: etagOf(json) };
};

/**
 * Builds each audience's view of one committed state. Screen and moderator views are the same for
 * every socket of that audience, so they are built once per state.
 */
export class AudienceViews {
  private shared = new Map<string, BuiltView>();
  private patch: { base: string; patch: ViewPatch } | null | undefined;
  private phones: PhoneViews | null = null;

  constructor(
    private readonly state: EventState,
    private readonly joinUrl: string,
    /** The moderator view of the version before, if one was built: the base of a patch. */
    private readonly previousModerator: BuiltView | null = null,
    /** The phones' parts prepared for the next round; used where they fit this state. */
    private readonly preparedParts: PreparedParts | null = null,
    /** The phones' parts of the version before, if any were built: taken over where they still hold. */
    private earlierPhones: EarlierParts | null = null,
  ) {}

  /** Null when the participant no longer exists (erased). */
  for(subscription: Subscription): BuiltView | null {
    if (subscription.role === 'participant') {
      if (!this.phones) {
        this.phones = new PhoneViews(this.state, {
          prepared: this.preparedParts,
          earlier: this.earlierPhones,
        });
        this.earlierPhones = null;
      }
      return this.phones.built(subscription.participantId!);
    }
    let shared = this.shared.get(subscription.role);
    if (!shared) {
      shared = built(
        subscription.role === 'screen'
          ? screenView(this.state, this.joinUrl)
          : moderatorView(this.state, { join: this.joinUrl }),
      );
      this.shared.set(subscription.role, shared);
    }
    return shared;
  }

  /** The phones' parts built for this state, if any: the next version takes over what still holds. */
  get phoneParts(): EarlierParts | null {
    return this.phones?.parts ?? null;
  }

  /** The moderator view if it was built for this state: the next version patches from it. */
  get builtModerator(): BuiltView | null {
    return this.shared.get('moderator') ?? null;
  }

  /**
   * What changed for the moderator since the version before, when that is smaller than the whole
   * view; checked by applying it, so a socket holding the base ends up with exactly this view.
   */
  moderatorPatch(): { base: string; patch: ViewPatch } | null {
    if (this.patch !== undefined) return this.patch;
    this.patch = null;
    const before = this.previousModerator;
    const after = this.for({ role: 'moderator', eventId: this.state.event.id, participantId: null })!;
    if (!before || before.etag === after.etag) return null;
    const patch = diffView(
      before.view as unknown as Record<string, unknown>,
      after.view as unknown as Record<string, unknown>,
      moderatorViewLists,
    );
    const applied = JSON.stringify(applyViewPatch(before.view!, patch));
    if (applied === after.json && JSON.stringify(patch).length < after.json.length / 2) {
      this.patch = { base: before.etag, patch };
    }
    return this.patch;
  }

  get version(): number {
    return this.state.event.version;
  }
}
