import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/shared/error-codes.js';
import { de } from '../../web/src/i18n/de.js';
import { en } from '../../web/src/i18n/en.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Codes written as literals where the server raises or sends an error. */
function codesInServerSource(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /\b(?:conflict|unprocessable)\(\s*'([a-z_]+)'/g,
    /new AppError\(\s*\d+,\s*'([a-z_]+)'/g,
    /\bcode: '([a-z_]+)'/g,
  ];
  for (const file of sourceFiles('src')) {
    // The engine and the CLI send no HTTP errors; config refuses a start (zod's issue codes), not a request.
    if (file.includes('matching') || file.includes(join('src', 'cli')) || file.endsWith('config.ts'))
      continue;
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) found.set(match[1]!, file);
    }
  }
  return found;
}

describe('error codes', () => {
  it('every code the server raises or sends is in the shared list', () => {
    const found = codesInServerSource();
    // The scan must see the server's errors at all, or it proves nothing.
    expect(found.size).toBeGreaterThan(20);
    const unlisted = [...found].filter(([code]) => !(ERROR_CODES as readonly string[]).includes(code));
    expect(unlisted.map(([code, file]) => `${code} (${file})`)).toEqual([]);
  });

  it('every code in the shared list has a German and an English text', () => {
    const missing = ERROR_CODES.flatMap((code) =>
      [
        ['de', (de.errors.codes as Record<string, string | undefined>)[code]],
        ['en', (en.errors.codes as Record<string, string | undefined>)[code]],
      ]
        .filter(([, text]) => typeof text !== 'string' || text.trim() === '')
        .map(([language]) => `${code} (${language})`),
    );
    expect(missing).toEqual([]);
  });

  it('the web client has no text for a code the server never sends', () => {
    const listed = new Set<string>(ERROR_CODES);
    expect(Object.keys(de.errors.codes).filter((code) => !listed.has(code))).toEqual([]);
    expect(Object.keys(en.errors.codes).filter((code) => !listed.has(code))).toEqual([]);
  });
});
