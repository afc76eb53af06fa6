import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { runDemo } from './demo.js';
import { listenProblem } from './listen-errors.js';

/** Past this a shutdown stops anyway (docker stop kills after 10 s; Kubernetes after 30 s by default). */
const SHUTDOWN_MS = 10_000;

/**
 * How long requests under way at a shutdown have to be answered before every HTTP connection is cut.
 * Node waits for a connection that never sent a request (a browser's speculative preconnect) until its
 * headers timeout, a minute: without the cut such a visitor held every restart past SHUTDOWN_MS.
 */
const REQUESTS_GRACE_MS = 3_000;

/** A start that cannot work because of a setting: one line naming it, exit code 2. */
function refuseStart(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    config = loadConfig();
    app = await buildApp(config);
  } catch (error) {
    if (error instanceof ConfigError) refuseStart(error.message);
    throw error;
  }

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      console.error(`The shutdown did not finish within ${SHUTDOWN_MS / 1000} s; stopping anyway.`);
      process.exit(1);
    }, SHUTDOWN_MS);
    force.unref();
    const cut = setTimeout(() => app.server.closeAllConnections(), REQUESTS_GRACE_MS);
    cut.unref();
    try {
      await app.close();
    } catch (error) {
      console.error(`The shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void close('SIGTERM'));
  process.on('SIGINT', () => void close('SIGINT'));

  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    const problem = listenProblem(error, config);
    if (!problem) throw error;
    await app.close();
    refuseStart(problem);
  }
  console.log(`Tischwechsel is running: ${config.PUBLIC_URL}/  (API docs: ${config.PUBLIC_URL}/docs)`);
  if (process.argv.includes('--demo')) await runDemo(app);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
