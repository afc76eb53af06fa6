import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { limit } from '../helpers/limit.js';

const root = new URL('../../', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'tischwechsel-plan-'));

function file(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

/** Two processes at a time, whatever vitest runs concurrently. */
const slot = limit(2);

/** The compiled command, as `npm run plan` runs it (the api project's global setup builds it). */
function plan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return slot(
    () =>
      new Promise((resolve) => {
        execFile(
          process.execPath,
          ['dist/server/plan.js', ...args],
          { cwd: root },
          (error, stdout, stderr) => {
            resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
          },
        );
      }),
  );
}

const instance = {
  tables: [
    { label: '1', seats: 3, topic: null },
    { label: 'Governance', seats: 3, topic: 'governance' },
  ],
  rounds: 2,
  participants: [
    { id: 'p1', organisation: 'LH München', role: 'verwaltung', stage: 2, interests: ['governance'] },
    {
      id: 'p2',
      organisation: 'Dataport',
      role: 'wirtschaft',
      stage: 1,
      interests: ['governance', 'lizenzen'],
    },
    { id: 'p3', organisation: null, role: 'community', stage: 0, interests: [] },
    { id: 'p4', organisation: 'lh münchen', role: null, stage: null, interests: ['lizenzen'] },
    { id: 'p5', organisation: 'OSBA', role: 'community', stage: 4, interests: ['lizenzen'] },
  ],
  history: [
    [
      ['p1', 'p2'],
      ['p3', 'p4'],
    ],
  ],
  seed: 1,
};

const csv = [
  'id;name;organisation;role;stage;interests',
  'anna;Anna Müller;Stadt Köln;verwaltung;nutzen;governance|lizenzen',
  'ben;"Ben; Jr.";ACME;wirtschaft;3;governance',
  'cem;Cem;;community;;',
  'dora;Dora;stadt köln;politik;4;lizenzen',
  'eve;Eve;Uni;wissenschaft;2;',
  'finn;Finn;ACME;andere;1;sicherheit',
].join('\n');

describe('plan command', () => {
  it.concurrent('plans a JSON instance and prints rounds and metrics', async () => {
    const { code, stdout, stderr } = await plan('--input', file('event.json', JSON.stringify(instance)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.rounds).toHaveLength(2);
    for (const round of result.rounds) {
      expect(round).toHaveLength(2);
      expect(round.flat().sort()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    }
    // Five people at tables of three with a history and two colleagues: not everything can be avoided.
    expect(result.metrics).toMatchObject({ rounds: 2, maxMeetings: 2, repeats: 1 });
  });

  it.concurrent('plans a CSV of participants and writes CSV and Markdown with names', async () => {
    const input = file('people.csv', csv);
    const asCsv = await plan(
      '--input',
      input,
      '--tables',
      '2',
      '--seats',
      '4',
      '--rounds',
      '3',
      '--format',
      'csv',
    );
    expect(asCsv.code).toBe(0);
    const lines = asCsv.stdout.trim().split('\n');
    expect(lines[0]).toBe('round,name,table,topic,id,organisation');
    expect(lines).toHaveLength(1 + 3 * 6);
    expect(asCsv.stdout).toContain('"Ben; Jr."');
    const asMarkdown = await plan(
      '--input',
      input,
      '--tables',
      '2',
      '--seats',
      '4',
      '--rounds',
      '2',
      '--format',
      'md',
    );
    expect(asMarkdown.code).toBe(0);
    expect(asMarkdown.stdout).toContain('## Round 2');
    expect(asMarkdown.stdout).toContain('| Anna Müller |');
    const asJson = await plan('--input', input, '--tables', '3', '--seats', '2', '--seed', '4');
    expect(JSON.parse(asJson.stdout).rounds[0]).toHaveLength(3);
  });

  const badInputs: [string, () => string[], RegExp][] = [
    ['missing --input', () => [], /^error: --input: required/],
    ['unknown option', () => ['--input', 'x.json', '--colour', 'red'], /^error: arguments: .*--colour/],
    [
      'bad --rounds',
      () => ['--input', file('ok.json', JSON.stringify(instance)), '--rounds', 'many'],
      /^error: --rounds: /,
    ],
    [
      'bad --format',
      () => ['--input', file('ok2.json', JSON.stringify(instance)), '--format', 'pdf'],
      /^error: --format: /,
    ],
    [
      'unreadable file',
      () => ['--input', join(scratch, 'missing.json')],
      /^error: --input: cannot read .*ENOENT/,
    ],
    ['broken JSON', () => ['--input', file('broken.json', '{"tables": [')], /^error: input: not valid JSON/],
    [
      'bad stage',
      () => [
        '--input',
        file('stage.json', JSON.stringify({ ...instance, participants: [{ id: 'a', stage: 9 }] })),
      ],
      /^error: participants\[0\]\.stage: /,
    ],
    [
      'bad seats',
      () => [
        '--input',
        file('seats.json', JSON.stringify({ ...instance, tables: [{ label: '1', seats: 0 }] })),
      ],
      /^error: tables\[0\]\.seats: /,
    ],
    [
      'duplicate id',
      () => [
        '--input',
        file('dup.json', JSON.stringify({ ...instance, participants: [{ id: 'a' }, { id: 'a' }] })),
      ],
      /^error: participants\[1\]\.id: duplicate/,
    ],
    [
      'missing participants',
      () => ['--input', file('none.json', JSON.stringify({ tables: { count: 2, seats: 4 } }))],
      /^error: participants: /,
    ],
    ['CSV without tables', () => ['--input', file('people2.csv', csv)], /^error: --tables: /],
    [
      'CSV bad stage',
      () => ['--input', file('bad.csv', 'id,stage\na,expert'), '--tables', '1', '--seats', '4'],
      /^error: CSV line 2, stage: /,
    ],
    [
      'too many people',
      () => ['--input', file('people3.csv', csv), '--tables', '1', '--seats', '4'],
      /^error: tables: 6 people .* add tables/,
    ],
  ];
  for (const [name, args, message] of badInputs) {
    it.concurrent(`exits 2 with one line naming the field: ${name}`, async () => {
      const { code, stdout, stderr } = await plan(...args());
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.endsWith('\n')).toBe(true);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
    });
  }
});
