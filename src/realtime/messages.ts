import { z } from 'zod';
import type { ModeratorView, ParticipantView, ScreenView } from '../domain/views.js';
import { CLOSE } from '../shared/close-codes.js';
import type { ErrorCode } from '../shared/error-codes.js';
import { EVENT_CODE, SECRET } from '../shared/ids.js';
import type { ViewPatch } from '../shared/view-patch.js';

/** Everything a client may say, and nothing else: the first message must be a hello. */
const resume = {
  /** What the client holds from earlier: the data generation, the version and the view's etag. */
  dataId: z.string().max(64).optional(),
  version: z.number().int().nonnegative().optional(),
  etag: z.string().max(64).optional(),
};

const secret = z.string().regex(SECRET);
const code = z.string().regex(EVENT_CODE);

const hello = z.discriminatedUnion('role', [
  z.object({ type: z.literal('hello'), role: z.literal('participant'), token: secret, ...resume }).strict(),
  z.object({ type: z.literal('hello'), role: z.literal('moderator'), code, secret, ...resume }).strict(),
  z.object({ type: z.literal('hello'), role: z.literal('screen'), code, secret, ...resume }).strict(),
]);

const CREDENTIALS = new Set<PropertyKey>(['token', 'code', 'secret']);

/**
 * The close code for a first message that is not a valid hello. A hello that is wrong only in its
 * token, code or secret is final (4003: retrying with the same credential cannot help); anything
 * else, such as an unknown field or role, is a protocol error (4000).
 */
export function helloRefusal(raw: unknown): number {
  if ((raw as { type?: unknown } | null)?.type !== 'hello') return CLOSE.protocol;
  const parsed = hello.safeParse(raw);
  if (parsed.success) return CLOSE.protocol;
  const credentialOnly = parsed.error.issues.every((i) => CREDENTIALS.has(i.path[0] ?? ''));
  return credentialOnly ? CLOSE.unauthorized : CLOSE.protocol;
}

export const clientMessage = z.discriminatedUnion('type', [
  hello,
  /** Asks for the server's clock (the answer carries serverTime). */
  z.object({ type: z.literal('ping') }).strict(),
  /** Asks for a fresh snapshot. */
  z.object({ type: z.literal('resync') }).strict(),
]);
export type ClientMessage = z.infer<typeof clientMessage>;
export type Hello = Extract<ClientMessage, { type: 'hello' }>;
export type Role = Hello['role'];

export interface ViewByRole {
  participant: ParticipantView;
  screen: ScreenView;
  moderator: ModeratorView;
}

interface Envelope {
  /** The server's clock when the message left: countdowns run on it, not on the phone's clock. */
  serverTime: number;
}

export type SnapshotMessage<R extends Role = Role> = Envelope & {
  type: 'snapshot';
  role: R;
  dataId: string;
  version: number;
  etag: string;
  /** True when the client's dataId was from another life of the data (restored or wiped): drop what you hold. */
  reset: boolean;
  view: ViewByRole[R];
};

export type ServerMessage =
  | SnapshotMessage<'participant'>
  | SnapshotMessage<'screen'>
  | SnapshotMessage<'moderator'>
  | (Envelope & { type: 'unchanged'; dataId: string; version: number; etag: string })
  /** What changed in the moderator view since the one with etag `base`; apply it, or resync without that base. */
  | (Envelope & {
      type: 'patch';
      role: 'moderator';
      dataId: string;
      version: number;
      base: string;
      etag: string;
      patch: ViewPatch;
    })
  | (Envelope & { type: 'pong' })
  | (Envelope & { type: 'heartbeat' })
  | (Envelope & { type: 'error'; code: ErrorCode; message: string })
  /** The person or the event was erased: forget the token. */
  | (Envelope & { type: 'erased' })
  /** The server is going down for a restart: reconnect shortly. */
  | (Envelope & { type: 'restarting' });

export { CLOSE, FINAL_CLOSES } from '../shared/close-codes.js';

export const MAX_FRAME_BYTES = 4096;
export const HELLO_TIMEOUT_MS = 5000;
export const PING_INTERVAL_MS = 25_000;
