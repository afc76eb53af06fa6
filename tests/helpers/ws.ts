import { WebSocket } from 'ws';
import type { App } from '../../src/app.js';
import type { ServerMessage } from '../../src/realtime/messages.js';

export async function listen(app: App, port = 0): Promise<{ url: string; port: number }> {
  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { url: `ws://127.0.0.1:${address.port}/ws`, port: address.port };
}

/** A raw socket that records everything the server says, for assertions. */
export class TestSocket {
  readonly messages: ServerMessage[] = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: (() => void)[] = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(data.toString()));
      this.notify();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.notify();
    });
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<TestSocket> {
    const ws = new WebSocket(url, { headers });
    const socket = new TestSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return socket;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  private notify() {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Waits until a message (from `from` on) matches; returns it. */
  async next<T extends ServerMessage['type']>(
    type: T,
    predicate: (m: Extract<ServerMessage, { type: T }>) => boolean = () => true,
    { from = 0, timeoutMs = 30_000 } = {},
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages
        .slice(from)
        .find((m): m is Extract<ServerMessage, { type: T }> => m.type === type && predicate(m as never));
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(
          `no ${type} message within ${timeoutMs} ms; got ${JSON.stringify(this.messages.map((m) => m.type))}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async closedWith(timeoutMs = 30_000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('socket not closed');
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.closed;
  }

  close(): void {
    this.ws.close();
  }
}

/**
 * A WebSocket class for connectRealtime that also notes the type of every server message, so a test
 * can wait until a reconnected client has had its answer instead of sleeping.
 */
export function recordingWebSocket(heard: string[]) {
  return class extends WebSocket {
    constructor(url: string) {
      super(url);
      this.on('message', (data) => heard.push((JSON.parse(data.toString()) as ServerMessage).type));
    }
  };
}
