import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/server-process.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tischwechsel-startup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the server as `npm start` does and waits for it to exit on its own. */
async function start(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dir, 'ok.sqlite'),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      WEB_DIST: join(dir, 'no-web'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  child.stdout.on('data', (d) => {
    stdout += d;
    // A start that should have failed: stop it, the assertions below then fail.
    if (stdout.includes('is running')) child.kill('SIGKILL');
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  return { code, stderr: stderr.trim(), stdout };
}

const cases: [string, () => Record<string, string>, string, RegExp][] = [
  ['a database under /proc', () => ({ DATABASE_PATH: '/proc/db.sqlite' }), 'DATABASE_PATH', /cannot|not/i],
  // Tests may run as root, who can write any ordinary file: the kernel's own files are read-only and
  // its folders unwritable even for root.
  ['a read-only file', () => ({ DATABASE_PATH: '/proc/version' }), 'DATABASE_PATH', /writ/i],
  [
    'an unwritable folder',
    () => ({ DATABASE_PATH: '/sys/kernel/db.sqlite' }),
    'DATABASE_PATH',
    /permission|writ/i,
  ],
  [
    'a database folder that is a file',
    () => {
      writeFileSync(join(dir, 'plain-file'), 'x');
      return { DATABASE_PATH: join(dir, 'plain-file', 'db.sqlite') };
    },
    'DATABASE_PATH',
    /folder/i,
  ],
  [
    'a file that is not a database',
    () => {
      writeFileSync(join(dir, 'notes.sqlite'), 'these are my notes, not a database '.repeat(200));
      return { DATABASE_PATH: join(dir, 'notes.sqlite') };
    },
    'DATABASE_PATH',
    /not a SQLite database/i,
  ],
  [
    'a database that is a folder',
    () => {
      mkdirSync(join(dir, 'folder.sqlite'), { recursive: true });
      return { DATABASE_PATH: join(dir, 'folder.sqlite') };
    },
    'DATABASE_PATH',
    /folder/i,
  ],
  ['a host name that does not resolve', () => ({ HOST: '999.1.1.1' }), 'HOST', /999\.1\.1\.1/],
  ['an address this machine does not have', () => ({ HOST: '192.0.2.123' }), 'HOST', /192\.0\.2\.123/],
  ['a hexadecimal port', () => ({ PORT: '0x50' }), 'PORT', /whole number/i],
  ['a port with a fraction', () => ({ PORT: '80.5' }), 'PORT', /whole number/i],
];

describe('start-up errors name their cause in one line and exit 2', () => {
  it.each(cases)('%s', async (_what, env, variable, reason) => {
    const result = await start(env());
    expect(result.code, result.stderr || result.stdout).toBe(2);
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(variable);
    expect(result.stderr).toMatch(reason);
  });

  it('a port already in use', async () => {
    const { createServer } = await import('node:net');
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      const result = await start({ PORT: String(port) });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr.split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/PORT.*in use/);
    } finally {
      blocker.close();
    }
  });
});
