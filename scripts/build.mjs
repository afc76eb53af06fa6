/**
 * Builds what `npm start` runs: the server (tsc → dist/server, migrations → dist/migrations, so the
 * compiled code finds them at the same relative place as the source does) and the web client (vite →
 * dist/web). Flags: --if-stale builds only a part whose output is missing or older than its sources
 * (start, demo, plan and backup run this first); --server / --web build one part only.
 * Everything is written to stderr: `npm run --silent plan` keeps stdout for the plan itself.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(ROOT, ...parts);

const PARTS = {
  server: {
    sources: ['src', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'package.json'],
    stamp: at('dist/server/.built'),
    build() {
      rmSync(at('dist/server'), { recursive: true, force: true });
      rmSync(at('dist/migrations'), { recursive: true, force: true });
      run('typescript/bin/tsc', ['-p', 'tsconfig.build.json']);
      cpSync(at('migrations'), at('dist/migrations'), { recursive: true });
    },
  },
  web: {
    // The pages import shared constants and types from src/ and the guide from docs/, so a change there can change the bundle.
    sources: ['web', 'src', 'docs', 'vite.config.ts', 'package.json'],
    stamp: at('dist/web/.built'),
    build() {
      run('vite/bin/vite.js', ['build', '--logLevel', 'warn']);
    },
  },
};

function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

function isFresh(part) {
  const built = statSync(part.stamp, { throwIfNoEntry: false });
  return built !== undefined && built.mtimeMs >= Math.max(...part.sources.map((s) => newestMtime(at(s))));
}

function run(bin, args) {
  const entry = at('node_modules', bin);
  if (!existsSync(entry)) {
    console.error(
      `cannot build: ${bin.split('/')[0]} is missing; run npm ci (building needs the dev dependencies)`,
    );
    process.exit(1);
  }
  const result = spawnSync(process.execPath, [entry, ...args], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const flags = new Set(process.argv.slice(2));
const chosen = ['server', 'web'].filter((name) => flags.has(`--${name}`));
for (const name of chosen.length ? chosen : ['server', 'web']) {
  const part = PARTS[name];
  if (flags.has('--if-stale') && isFresh(part)) continue;
  console.error(`Building the ${name}…`);
  // The stamp carries the build's start time: a source saved during the build makes the next run rebuild.
  const started = new Date();
  part.build();
  mkdirSync(dirname(part.stamp), { recursive: true });
  writeFileSync(part.stamp, '');
  utimesSync(part.stamp, started, started);
}
