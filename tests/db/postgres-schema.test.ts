import { getTableName, is, type Table } from 'drizzle-orm';
import { PgTable, getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { SQLiteTable, getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as pg from '../../src/db/postgres-schema/index.js';
import * as sqlite from '../../src/db/schema/index.js';

/** The column types one table definition may use, named alike in both dialects. */
const KINDS: Record<string, string> = {
  SQLiteText: 'text',
  PgText: 'text',
  SQLiteInteger: 'integer',
  PgInteger: 'integer',
  SQLiteBoolean: 'boolean',
  PgBoolean: 'boolean',
  SQLiteTextJson: 'json',
  PgJsonb: 'json',
  SQLiteTimestamp: 'moment',
  PgTimestamp: 'moment',
};

interface AnyColumn {
  name: string;
  columnType: string;
  notNull: boolean;
  primary: boolean;
  isUnique: boolean;
  hasDefault: boolean;
  default: unknown;
  enumValues?: readonly string[] | undefined;
  autoIncrement?: boolean;
  generatedIdentity?: unknown;
}

interface AnyConfig {
  name: string;
  columns: AnyColumn[];
  indexes: { config: { name: string; unique: boolean; columns: unknown[] } }[];
  primaryKeys: { columns: { name: string }[] }[];
  uniqueConstraints: { columns: { name: string }[] }[];
  foreignKeys: {
    onDelete?: string | undefined;
    reference: () => {
      columns: { name: string }[];
      foreignColumns: { name: string }[];
      foreignTable: unknown;
    };
  }[];
}

/** Every table of a schema module by its export name, with the rows it reads and takes. */
type RowTypes<M> = {
  [K in keyof M as M[K] extends Table ? K : never]: M[K] extends Table
    ? { select: M[K]['$inferSelect']; insert: M[K]['$inferInsert'] }
    : never;
};

/** One table's shape in terms both dialects share, so the two definitions compare as plain data. */
function shape(config: AnyConfig) {
  const columns = Object.fromEntries(
    config.columns.map((c) => {
      const kind = KINDS[c.columnType];
      if (!kind) throw new Error(`${config.name}.${c.name}: no counterpart for column type ${c.columnType}`);
      return [
        c.name,
        {
          kind,
          notNull: c.notNull,
          primary: c.primary,
          unique: c.isUnique,
          identity: Boolean(c.autoIncrement || c.generatedIdentity),
          default: c.hasDefault ? JSON.stringify(c.default) : undefined,
          enum: kind === 'text' && c.enumValues?.length ? [...c.enumValues] : undefined,
        },
      ];
    }),
  );
  return {
    columns,
    primaryKey: config.primaryKeys.map((k) => k.columns.map((c) => c.name)),
    unique: config.uniqueConstraints.map((u) => u.columns.map((c) => c.name)).sort(),
    indexes: config.indexes
      .map((i) => ({
        name: i.config.name,
        unique: i.config.unique,
        columns: i.config.columns.map((c) => (c as { name: string }).name),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    foreignKeys: config.foreignKeys
      .map((k) => {
        const ref = k.reference();
        return {
          columns: ref.columns.map((c) => c.name),
          table: getTableName(ref.foreignTable as Table),
          foreignColumns: ref.foreignColumns.map((c) => c.name),
          onDelete: k.onDelete,
        };
      })
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
  };
}

const sqliteTables = (Object.values(sqlite) as unknown[]).filter((v): v is SQLiteTable => is(v, SQLiteTable));
const pgTables = (Object.values(pg) as unknown[]).filter((v): v is PgTable => is(v, PgTable));
const sqliteShapes = new Map(
  sqliteTables.map((t) => {
    const config = sqliteConfig(t) as unknown as AnyConfig;
    return [config.name, shape(config)];
  }),
);
const pgShapes = new Map(
  pgTables.map((t) => {
    const config = pgConfig(t) as unknown as AnyConfig;
    return [config.name, shape(config)];
  }),
);

describe('the PostgreSQL schema', () => {
  it('has every table of the SQLite schema and no other', () => {
    expect(sqliteShapes.size).toBeGreaterThan(10);
    expect([...pgShapes.keys()].sort()).toEqual([...sqliteShapes.keys()].sort());
  });

  it.each([...sqliteShapes.keys()])('defines %s as SQLite does: columns, keys, indexes, defaults', (name) => {
    expect(pgShapes.get(name)).toEqual(sqliteShapes.get(name));
  });

  // The type checker (npm run typecheck, part of CI) fails on a difference; vitest only runs the call.
  it('reads and writes rows of the same types, so one repository serves both', () => {
    expectTypeOf<RowTypes<typeof pg>>().toEqualTypeOf<RowTypes<typeof sqlite>>();
  });
});
