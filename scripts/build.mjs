/**
 * Builds what `npm start` runs: the server (esbuild bundles → dist/server, migrations → dist/migrations)
 * and the web client (vite → dist/web). Flags: --if-stale builds only a part whose output is missing or older than its sources
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
    sources: ['src', 'migrations', 'tsconfig.json', 'package.json'],
    stamp: at('dist/server/.built'),
    async build() {
      rmSync(at('dist/server'), { recursive: true, force: true });
      rmSync(at('dist/migrations'), { recursive: true, force: true });
      await bundleServer();
      cpSync(at('migrations'), at('dist/migrations'), { recursive: true });
      // The API docs' page and scripts (src/plugins/docs.ts names both places).
      rmSync(at('dist/swagger-ui'), { recursive: true, force: true });
      cpSync(at('node_modules/@fastify/swagger-ui/static'), at('dist/swagger-ui'), { recursive: true });
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

/**
 * One file per program: resolving and loading some 600 modules one by one was half of the server's
 * start. Every bundle sits in dist/server, beside dist/migrations and dist/swagger-ui (src/runtime-files.ts
 * finds them from there). Types are checked by `npm run typecheck`, not here.
 */
async function bundleServer() {
  const esbuild = await import('esbuild').catch(() => missing('esbuild'));
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: {
      server: 'src/server.ts',
      'planner-worker': 'src/planner/worker.ts',
      plan: 'src/cli/plan.ts',
      backup: 'src/cli/backup.ts',
    },
    outdir: 'dist/server',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    // Left to node_modules: a native addon, and packages that start threads from their own
    // folder (piscina's and pino's worker scripts).
    external: ['better-sqlite3', 'piscina', 'pino', 'pino-pretty'],
    // The bundled CommonJS packages expect require and __dirname.
    banner: {
      js: [
        "import { createRequire as __createRequire } from 'node:module';",
        "import { fileURLToPath as __fileURLToPath } from 'node:url';",
        'const require = __createRequire(import.meta.url);',
        'const __filename = __fileURLToPath(import.meta.url);',
        "const __dirname = __fileURLToPath(new URL('.', import.meta.url));",
      ].join(' '),
    },
  });
  // Which packages went into the bundles: a test checks that none of them is a dev dependency.
  writeFileSync(at('dist/server/meta.json'), JSON.stringify(result.metafile));
}

function missing(name) {
  console.error(`cannot build: ${name} is missing; run npm ci (building needs the dev dependencies)`);
  process.exit(1);
}

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
  if (!existsSync(entry)) missing(bin.split('/')[0]);
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
  await part.build();
  mkdirSync(dirname(part.stamp), { recursive: true });
  writeFileSync(part.stamp, '');
  utimesSync(part.stamp, started, started);
}
