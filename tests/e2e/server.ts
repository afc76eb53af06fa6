import { createServer } from 'node:net';
import { createTestApp, type TestApp, type TestClock } from '../helpers/app.js';
import { WEB_DIST } from './build-web.js';

/** The real clock, with a knob: the story jumps ahead to see the two-minute warning. */
export function wallClock(): TestClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
    set: (ms) => {
      offset = ms - Date.now();
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The real app serving the built pages on 127.0.0.1. PUBLIC_URL must be the address the browser uses
 * (the WebSocket checks the Origin against it), so the port is chosen before the app is built.
 */
export async function startServer(env: Record<string, string> = {}): Promise<{
  handle: TestApp;
  url: string;
  clock: TestClock;
  restart: (whileDown?: () => Promise<void>) => Promise<void>;
}> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const clock = wallClock();
  const handle = await createTestApp({ ...env, PUBLIC_URL: url, WEB_DIST }, clock);
  await handle.app.listen({ host: '127.0.0.1', port });
  /**
   * A server restart as the browsers see it: the app closes (sockets get 1012, the port refuses
   * connections), `whileDown` looks at the pages meanwhile, then a new app on the same database listens
   * on the SAME port, because the pages and PUBLIC_URL know only that one.
   */
  const restart = async (whileDown?: () => Promise<void>) => {
    await handle.app.close();
    try {
      await whileDown?.();
    } finally {
      // TestApp.restart closes the (already closed) app again, a no-op in Fastify, and builds a new one.
      await handle.restart();
      await handle.app.listen({ host: '127.0.0.1', port });
    }
  };
  return { handle, url, clock, restart };
}
