import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const WEB_DIST = join(ROOT, 'dist/web');
const LOCK = join(ROOT, 'dist/.web-build-lock');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

function isFresh(): boolean {
  const built = join(WEB_DIST, 'index.html');
  const sources = Math.max(newestMtime(join(ROOT, 'web')), statSync(join(ROOT, 'vite.config.ts')).mtimeMs);
  return existsSync(built) && statSync(built).mtimeMs >= sources;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds the web client when dist/web is missing or older than its sources (about a second). Test files
 * run in parallel workers, and a build empties dist/web, so only one worker builds; the others wait.
 */
export function ensureWebBuilt(): void {
  if (isFresh()) return;
  mkdirSync(resolve(LOCK, '..'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (
        Date.now() > deadline ||
        Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 120_000
      ) {
        rmSync(LOCK, { recursive: true, force: true });
      }
      sleep(200);
      if (isFresh()) return;
    }
  }
  try {
    if (!isFresh()) {
      execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
        cwd: ROOT,
        stdio: 'inherit',
      });
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
