import { createHash } from 'node:crypto';
import type { EventState } from '../domain/event-state.js';
import { moderatorView, participantView, screenView } from '../domain/views.js';
import type { Subscription } from './connection.js';
import type { ViewByRole } from './messages.js';

export interface BuiltView {
  view: ViewByRole[keyof ViewByRole];
  etag: string;
}

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
      return view ? { view, etag: etagOf(JSON.stringify(view)) } : null;
    }
    let built = this.shared.get(subscription.role);
    if (!built) {
      const view =
        subscription.role === 'screen'
          ? screenView(this.state, this.joinUrl)
          : moderatorView(this.state, { join: this.joinUrl });
      built = { view, etag: etagOf(JSON.stringify(view)) };
      this.shared.set(subscription.role, built);
    }
    return built;
  }

  get version(): number {
    return this.state.event.version;
  }
}
