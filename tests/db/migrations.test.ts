import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openDatabase } from '../../src/db/open.js';
import { POSTGRES_MIGRATIONS_FOLDER } from '../../src/db/postgres.js';

describe('migrations', () => {
  it.each([
    { dialect: 'sqlite', schema: 'src/db/schema/index.ts', folder: MIGRATIONS_FOLDER },
    { dialect: 'postgresql', schema: 'src/db/postgres-schema/index.ts', folder: POSTGRES_MIGRATIONS_FOLDER },
  ])('match the $dialect schema (drizzle-kit generates nothing new)', ({ dialect, schema, folder }) => {
    const dir = mkdtempSync(join(tmpdir(), 'tischwechsel-migrations-'));
    try {
      const out = join(dir, 'migrations');
      cpSync(folder, out, { recursive: true });
      const config = join(dir, 'drizzle.config.mjs');
      writeFileSync(
        config,
        `export default ${JSON.stringify({
          dialect,
          schema: resolve(schema),
          // drizzle-kit reads `out` relative to the working directory.
          out: relative(process.cwd(), out),
          casing: 'snake_case',
        })};`,
      );
      const before = readdirSync(out).filter((f) => f.endsWith('.sql'));
      const output = execFileSync('npx', ['drizzle-kit', 'generate', '--config', config], {
        encoding: 'utf8',
      });
      const after = readdirSync(out).filter((f) => f.endsWith('.sql'));
      expect(output).toContain('No schema changes');
      expect(after, `schema changed without a migration: run npm run db:generate\n${output}`).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('apply at start with durable pragmas', () => {
    const db = openDatabase(':memory:');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2);
    const tables = (
      db.$client.prepare("select name from sqlite_master where type='table'").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'events',
        'event_tables',
        'participants',
        'rounds',
        'assignments',
        'moderator_actions',
      ]),
    );
    db.$client.close();
  });
});
