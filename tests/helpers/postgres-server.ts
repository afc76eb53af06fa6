import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server the tests may create databases on, or null when none could be had. */
    postgresUrl: string | null;
  }
}

/** initdb from PATH, else the newest Debian postgresql package's. */
function postgresBin(name: string): string | null {
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(root, version, 'bin', name);
    if (existsSync(bin)) return bin;
  }
  return null;
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to the package's user (or nobody). */
function clusterUser(): { name: string; uid: number; gid: number } | null {
  if (userInfo().uid !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    const id = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    if (id.status === 0) {
      const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' }).stdout.trim();
      return { name, uid: Number(id.stdout.trim()), gid: Number(gid) };
    }
  }
  throw new Error('Running as root, but there is no user to own a PostgreSQL cluster.');
}

function banner(lines: string[]): void {
  const bar = '!'.repeat(78);
  console.error(`\n${bar}\n${lines.map((l) => `!! ${l}`).join('\n')}\n${bar}\n`);
}

/**
 * Global setup of the PostgreSQL tests: TEST_DATABASE_URL when given; else a throwaway cluster from
 * the machine's initdb and pg_ctl, listening on a Unix socket in its own folder only (no port to
 * clash with); else the tests skip — loudly, and never in CI, where a missing server fails the run.
 */
export default function startPostgres(project: TestProject): (() => void) | undefined {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return undefined;
  }
  const initdb = postgresBin('initdb');
  const pgCtl = postgresBin('pg_ctl');
  if (!initdb || !pgCtl) {
    if (process.env.CI) throw new Error('CI: no PostgreSQL (initdb, pg_ctl) and no TEST_DATABASE_URL.');
    banner([
      'The PostgreSQL tests are SKIPPED: no TEST_DATABASE_URL and no initdb/pg_ctl here.',
      'Install Debian\'s "postgresql" package, or set TEST_DATABASE_URL=postgres://… to a server',
      'on which the tests may create and drop databases.',
    ]);
    project.provide('postgresUrl', null);
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tischwechsel-pg-'));
  const data = join(dir, 'data');
  const owner = clusterUser();
  const run = (bin: string, args: string[]) => {
    const [command, all] = owner ? ['runuser', ['-u', owner.name, '--', bin, ...args]] : [bin, args];
    execFileSync(command, all, { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chmodSync(dir, 0o700);
  }
  run(initdb, ['-D', data, '-U', 'tischwechsel', '--auth=trust', '--encoding=UTF8', '--no-locale']);
  // -w waits for the server to accept connections; -t only turns a hang into a failure.
  run(pgCtl, [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-t',
    '300',
    '-o',
    `-c listen_addresses='' -k ${dir} -c max_connections=200`,
    'start',
  ]);
  project.provide(
    'postgresUrl',
    `postgres://tischwechsel@localhost/postgres?host=${encodeURIComponent(dir)}`,
  );
  return () => {
    try {
      run(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
