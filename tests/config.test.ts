import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('config', () => {
  it('has defaults for everything', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      DATABASE_PATH: './data/tischwechsel.sqlite',
      RETENTION_DAYS: 7,
    });
    expect(config.PUBLIC_URL).toMatch(/^http:\/\/[\d.]+:3000$/);
  });

  it('takes a PostgreSQL DATABASE_URL, in either spelling, and keeps SQLite without one', () => {
    for (const url of [
      'postgres://tw@db.example.org/tw',
      'postgresql://tw@db.example.org:5433/tw?sslmode=require',
    ])
      expect(loadConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
  });

  it('takes PUBLIC_URL without a trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://tische.example.org/' }).PUBLIC_URL).toBe(
      'https://tische.example.org',
    );
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['RETENTION_DAYS', '31'],
    ['RETENTION_DAYS', '0'],
    ['PUBLIC_URL', 'ftp://x'],
    ['LOG_LEVEL', 'loud'],
    ['ADMIN_TOKEN', 'short'],
    ['DATABASE_URL', 'mysql://tischwechsel@db.example.org/tischwechsel'],
    ['DATABASE_URL', 'db.example.org'],
  ])('stops on a bad %s with one line naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      expect((error as Error).message).toContain(name);
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
