import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

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

export function banner(lines: string[]): void {
  const bar = '!'.repeat(78);
  console.error(`\n${bar}\n${lines.map((l) => `!! ${l}`).join('\n')}\n${bar}\n`);
}

/** The machine's initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function postgresInstalled(): { initdb: string; pgCtl: string } | null {
  const initdb = postgresBin('initdb');
  const pgCtl = postgresBin('pg_ctl');
  return initdb && pgCtl ? { initdb, pgCtl } : null;
}

/** Whether the PostgreSQL tests can run here: a server given, or one the machine can start. */
export const postgresAvailable = () => Boolean(process.env.TEST_DATABASE_URL || postgresInstalled());

/**
 * A throwaway cluster in a folder of its own, listening on a Unix socket there only (no port to
 * clash with, nothing reachable from the network); `stop` ends it and removes the folder. `down` and
 * `up` stop the server and start it again on the same data, as an operator's restart does.
 */
export function startCluster(bins: { initdb: string; pgCtl: string }): {
  url: string;
  stop: () => void;
  down: () => void;
  up: () => void;
} {
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
  run(bins.initdb, ['-D', data, '-U', 'tischwechsel', '--auth=trust', '--encoding=UTF8', '--no-locale']);
  // -w waits for the server to accept connections; -t only turns a hang into a failure.
  const up = () =>
    run(bins.pgCtl, [
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
  up();
  return {
    url: `postgres://tischwechsel@localhost/postgres?host=${encodeURIComponent(dir)}`,
    // fast: what a restart of the service does: open connections are ended, committed data stays.
    down: () => run(bins.pgCtl, ['-D', data, '-m', 'fast', '-w', '-t', '300', 'stop']),
    up,
    stop: () => {
      try {
        run(bins.pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

async function onServer(server: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/**
 * A new database on `server` (a URL) for one test or one benchmark: empty, or a copy of `template`
 * (a database's name) when given; `drop` removes it.
 */
export async function createDatabase(
  server: string,
  prefix: string,
  template?: string,
): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer(server, `create database ${name}${template ? ` template ${template}` : ''}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => onServer(server, `drop database if exists ${name} with (force)`),
  };
}
