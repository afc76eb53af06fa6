import { fileURLToPath } from 'node:url';

/**
 * Run from source (tsx: tests, development) or built (one bundle per program in dist/server, made by
 * scripts/build.mjs)? Code that reads files at run time finds them from here, since a bundled module's
 * own URL is its bundle's.
 */
export const runningFromSource = import.meta.url.endsWith('.ts');

/** A file the server reads at run time: `source` from the project root, `built` from dist/. */
export function runtimeFile(paths: { source: string; built: string }): string {
  return fileURLToPath(new URL(`../${runningFromSource ? paths.source : paths.built}`, import.meta.url));
}
