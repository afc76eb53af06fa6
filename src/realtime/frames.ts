import type { AudienceViews } from './audience.js';

type SharedRole = 'screen' | 'moderator';

/**
 * The frames of one push, serialised once and shared by every socket of an audience: 200 moderator
 * sockets on a 5,000-person event hold one 1.4 MB buffer between them, not one each. Made per push
 * (never kept), so serverTime in a frame is the time it was sent.
 */
export class FrameBatch {
  private frames = new Map<string, Buffer>();

  constructor(
    private readonly views: AudienceViews,
    private readonly dataId: string,
    private readonly now: () => number,
  ) {}

  /** A patch when the socket holds the moderator view it is based on, otherwise the whole snapshot. */
  frameFor(role: SharedRole, reset: boolean, held: string | null): Buffer {
    const patch = role === 'moderator' && !reset && held ? this.views.moderatorPatch() : null;
    if (patch && patch.base === held) return this.cached('patch', () => this.patchFrame(patch));
    return this.cached(`${role}:${reset}`, () => this.snapshotFrame(role, reset));
  }

  private cached(key: string, make: () => string): Buffer {
    let frame = this.frames.get(key);
    if (!frame) {
      frame = Buffer.from(make());
      this.frames.set(key, frame);
    }
    return frame;
  }

  private snapshotFrame(role: SharedRole, reset: boolean): string {
    const built = this.views.for({ role, eventId: '', participantId: null })!;
    const head = {
      type: 'snapshot',
      role,
      dataId: this.dataId,
      version: this.views.version,
      etag: built.etag,
      reset,
    };
    return `${JSON.stringify(head).slice(0, -1)},"view":${built.json},"serverTime":${this.now()}}`;
  }

  private patchFrame(patch: NonNullable<ReturnType<AudienceViews['moderatorPatch']>>): string {
    const built = this.views.for({ role: 'moderator', eventId: '', participantId: null })!;
    return JSON.stringify({
      type: 'patch',
      role: 'moderator',
      dataId: this.dataId,
      version: this.views.version,
      base: patch.base,
      etag: built.etag,
      patch: patch.patch,
      serverTime: this.now(),
    });
  }
}
