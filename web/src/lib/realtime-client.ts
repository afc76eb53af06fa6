import type {
  ClientMessage,
  Hello,
  Role,
  ServerMessage,
  SnapshotMessage,
  ViewByRole,
} from '../../../src/realtime/messages.js';
import { CLOSE, FINAL_CLOSES } from '../../../src/shared/close-codes.js';
import { applyViewPatch } from '../../../src/shared/view-patch.js';

/** The credentials part of a hello; the client adds what it holds (dataId, version, etag) itself. */
export type Credentials = Hello extends infer H
  ? H extends Hello
    ? Omit<H, 'dataId' | 'version' | 'etag'>
    : never
  : never;

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

interface MinimalSocket {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface RealtimeOptions<R extends Role> {
  url: string;
  credentials: Credentials & { role: R };
  onView: (view: ViewByRole[R], meta: { version: number; reset: boolean }) => void;
  onStatus?: (status: ConnectionStatus) => void;
  /** The person or event was erased, or the secret is not valid: reconnecting cannot help. */
  onGone?: (reason: 'erased' | 'unauthorized') => void;
  WebSocketImpl?: new (url: string) => MinimalSocket;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** The client pings this often; the server's pong proves the link is alive. */
  pingMs?: number;
  /** No message at all for this long means the link is dead: show it and reconnect. */
  silenceMs?: number;
  random?: () => number;
}

const FINAL = new Set(FINAL_CLOSES);

type Listener = () => void;
interface Listenable {
  addEventListener?(type: string, listener: Listener): void;
  removeEventListener?(type: string, listener: Listener): void;
}
/** Page and network events where there are any: the same client runs in browsers and in Node tests. */
const host = globalThis as unknown as Listenable & {
  document?: Listenable & { visibilityState: string };
  WebSocket?: new (url: string) => MinimalSocket;
};

/**
 * A socket that stays connected: says hello with what it already holds, reconnects with exponential
 * backoff and jitter, at once when the page becomes visible or the network returns, and keeps the
 * last view while it is away.
 */
export function connectRealtime<R extends Role>(options: RealtimeOptions<R>) {
  const Impl =
    options.WebSocketImpl ?? (globalThis.WebSocket as unknown as new (url: string) => MinimalSocket);
  const initial = options.initialBackoffMs ?? 500;
  const max = options.maxBackoffMs ?? 10_000;
  // A phone must see within ~10 s that its table may be outdated; a dead TCP link never says so itself.
  const pingMs = options.pingMs ?? 4000;
  const silenceMs = options.silenceMs ?? 9000;
  const random = options.random ?? Math.random;

  let socket: MinimalSocket | null = null;
  let attempt = 0;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let silenceTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let held: { dataId: string; version: number; etag: string } | null = null;
  let clockOffset = 0;
  let lastView: ViewByRole[R] | null = null;
  let status: ConnectionStatus = 'connecting';

  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    options.onStatus?.(next);
  };

  const send = (message: ClientMessage) => {
    if (socket?.readyState === 1) socket.send(JSON.stringify(message));
  };

  const watchSilence = () => {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(drop, silenceMs);
  };

  /**
   * Gives up on the current socket at once: on a dead link its close event can take minutes, so the
   * page must not wait for it to say the connection is lost.
   */
  function drop() {
    const ws = socket;
    if (!ws) return;
    socket = null;
    clearTimeout(silenceTimer);
    clearInterval(pingTimer);
    ws.onclose = null;
    ws.onmessage = null;
    ws.close(4000, 'link lost');
    scheduleReconnect();
  }

  const scheduleReconnect = () => {
    if (stopped) return;
    setStatus('reconnecting');
    // Full jitter: 300 phones that lost the same Wi-Fi must not come back in the same millisecond.
    const ceiling = Math.min(max, initial * 2 ** attempt);
    const delay = Math.max(initial / 2, ceiling * random());
    attempt += 1;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(open, delay);
  };

  const handle = (message: ServerMessage) => {
    clockOffset = message.serverTime - Date.now();
    if (message.type === 'snapshot') {
      const snapshot = message as SnapshotMessage<R>;
      held = { dataId: snapshot.dataId, version: snapshot.version, etag: snapshot.etag };
      lastView = snapshot.view as ViewByRole[R];
      attempt = 0;
      options.onView(lastView, { version: snapshot.version, reset: snapshot.reset });
    } else if (message.type === 'patch') {
      // Only a patch of the very view held applies; anything else means a push was missed.
      if (!lastView || held?.etag !== message.base) {
        send({ type: 'resync' });
        return;
      }
      held = { dataId: message.dataId, version: message.version, etag: message.etag };
      lastView = applyViewPatch(lastView, message.patch);
      attempt = 0;
      options.onView(lastView, { version: message.version, reset: false });
    } else if (message.type === 'unchanged') {
      held = { dataId: message.dataId, version: message.version, etag: message.etag };
      attempt = 0;
    } else if (message.type === 'erased') {
      stop();
      options.onGone?.('erased');
    }
  };

  function open() {
    if (stopped) return;
    clearTimeout(retryTimer);
    setStatus(attempt === 0 && !held ? 'connecting' : 'reconnecting');
    const ws = new Impl(options.url);
    socket = ws;
    ws.onopen = () => {
      send({ ...options.credentials, ...(held ?? {}) } as unknown as ClientMessage);
      setStatus('open');
      watchSilence();
      clearInterval(pingTimer);
      pingTimer = setInterval(() => send({ type: 'ping' }), pingMs);
    };
    ws.onmessage = (event) => {
      watchSilence();
      try {
        handle(JSON.parse(String(event.data)) as ServerMessage);
      } catch {
        // A frame we cannot read is dropped; the next snapshot carries the whole view anyway.
      }
    };
    ws.onerror = () => ws.close();
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      clearTimeout(silenceTimer);
      clearInterval(pingTimer);
      if (FINAL.has(event.code)) {
        stop();
        options.onGone?.(event.code === CLOSE.gone ? 'erased' : 'unauthorized');
        return;
      }
      scheduleReconnect();
    };
  }

  const reconnectNow = () => {
    if (stopped || socket) return;
    attempt = 0;
    open();
  };
  const onVisible = () => {
    if (host.document?.visibilityState === 'visible') reconnectNow();
  };
  host.document?.addEventListener?.('visibilitychange', onVisible);
  host.addEventListener?.('online', reconnectNow);
  // The browser knows before any timer: no network means the view may already be outdated.
  host.addEventListener?.('offline', drop);

  function stop() {
    stopped = true;
    clearTimeout(retryTimer);
    clearTimeout(silenceTimer);
    host.document?.removeEventListener?.('visibilitychange', onVisible);
    host.removeEventListener?.('online', reconnectNow);
    host.removeEventListener?.('offline', drop);
    clearInterval(pingTimer);
    const ws = socket;
    socket = null;
    ws?.close(1000, 'bye');
    setStatus('closed');
  }

  open();

  return {
    /** The server's clock, for countdowns that agree on every phone. */
    serverNow: () => Date.now() + clockOffset,
    get status() {
      return status;
    },
    get view() {
      return lastView;
    },
    resync: () => send({ type: 'resync' }),
    close: stop,
  };
}

export type RealtimeClient = ReturnType<typeof connectRealtime>;
