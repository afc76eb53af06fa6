import { is } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle } from 'drizzle-orm/node-postgres';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { migratePostgres, openPostgres, POSTGRES_MIGRATIONS_FOLDER } from '../../src/db/postgres.js';
import * as schema from '../../src/db/postgres-schema/index.js';
import { closesAfterTest, freshDatabase, postgresUrl, testPool } from '../helpers/postgres.js';

const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));
const migrationCount = readMigrationFiles({ migrationsFolder: POSTGRES_MIGRATIONS_FOLDER }).length;

describe.skipIf(!postgresUrl)('PostgreSQL migrations', () => {
  it('create every table of the schema with its columns, types and nullability', async () => {
    const db = closesAfterTest(await openPostgres(await freshDatabase()), (d) => d.$client.end());
    const { rows } = await db.$client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
    }>(
      `select table_name, column_name, data_type, is_nullable from information_schema.columns
       where table_schema = 'public' order by table_name, ordinal_position`,
    );
    const actual = rows.map((r) => `${r.table_name}.${r.column_name} ${r.data_type} ${r.is_nullable}`).sort();
    const expected = tables
      .flatMap((t) => {
        const config = getTableConfig(t);
        return config.columns.map((c) => {
          const column = toSnakeCase(c.name);
          // information_schema names the type without its precision.
          const type = c.getSQLType().replace(' (3)', '');
          return `${config.name}.${column} ${type} ${c.notNull ? 'NO' : 'YES'}`;
        });
      })
      .sort();
    expect(actual).toEqual(expected);
  });

  it('run once when several replicas start at the same instant, the others waiting for the first', async () => {
    const url = await freshDatabase();
    const replicas = Array.from({ length: 4 }, () => testPool(url));
    await Promise.all(replicas.map((p) => migratePostgres(p)));
    const { rows } = await replicas[0]!.query<{ n: string }>(
      'select count(*) as n from drizzle.__drizzle_migrations',
    );
    expect(Number(rows[0]!.n)).toBe(migrationCount);
    // And a later start finds nothing to do.
    await migratePostgres(replicas[1]!);
    const again = await replicas[0]!.query<{ n: string }>(
      'select count(*) as n from drizzle.__drizzle_migrations',
    );
    expect(Number(again.rows[0]!.n)).toBe(migrationCount);
  });

  it('keep what the SQLite rows hold: moments to the millisecond, booleans, JSON', async () => {
    const url = await freshDatabase();
    const p = testPool(url);
    await migratePostgres(p);
    const db = drizzle({ client: p, schema, casing: 'snake_case' });
    const createdAt = new Date(Date.UTC(2026, 11, 2, 7, 30, 15, 123));
    const row = {
      id: 'ev1',
      code: 'ABC123',
      title: 'Netzwerkfrühstück',
      language: 'de' as const,
      minutesPerRound: 12,
      plannedRounds: 4,
      matching: { tableSize: 4 } as never,
      catalogue: { roles: [{ id: 'admin', de: 'Verwaltung', en: 'Administration' }] } as never,
      moderatorTokenHash: 'm',
      screenTokenHash: 's',
      createdAt,
      updatedAt: createdAt,
    };
    await db.insert(schema.events).values(row);
    const [read] = await db.select().from(schema.events);
    expect(read).toEqual({ ...row, status: 'active', joinOpen: true, version: 1, finishedAt: null });
    expect(read!.createdAt.getTime()).toBe(createdAt.getTime());
  });
});
