import { createHash } from 'node:crypto';
import type { EventState } from '../domain/event-state.js';
import { moderatorView, participantView, screenView } from '../domain/views.js';
import type { Subscription } from './connection.js';
import type { ViewByRole } from './messages.js';

export interface BuiltView {
  view: ViewByRole[keyof ViewByRole];
  /** The view serialised once: it is both hashed for the etag and spliced into the snapshot frame. */
  json: string;
  etag: string;
}

const built = (view: ViewByRole[keyof ViewByRole]): BuiltView => {
  const json = JSON.stringify(view);
  return { view, json, etag: etagOf(json) };
};

const etagOf = (json: string) => createHash('sha1').update(json).digest('base64url').slice(0, 16);

/**
 * Builds each audience's view of one committed state. Screen and moderator views are the same for
 * every socket of that audience, so they are built once per state.
 */
export class AudienceViews {
  private shared = new Map<string, BuiltView>();

  constructor(
    private readonly state: EventState,
    private readonly joinUrl: string,
  ) {}

  /** Null when the participant no longer exists (erased). */
  for(subscription: Subscription): BuiltView | null {
    if (subscription.role === 'participant') {
      const view = participantView(this.state, subscription.participantId!);
      return view ? built(view) : null;
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

  get version(): number {
    return this.state.event.version;
  }
}
