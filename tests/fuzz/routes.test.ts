import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { auth, profile } from '../helpers/api.js';
import { createTestApp, sqliteOf, type TestApp } from '../helpers/app.js';
import { dumpDatabase } from '../helpers/rows.js';
import { fuzzRuns } from './runs.js';

// Runs per route, split over three arbitraries: bodies, path and query, headers and secrets.
const TOTAL_RUNS = fuzzRuns();
/** Half of the runs vary the body, a quarter each the path and the headers. */
const QUARTER = Math.floor(TOTAL_RUNS / 4);
const RUNS = { body: TOTAL_RUNS - 2 * QUARTER, path: QUARTER, headers: QUARTER };
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

interface Fixture {
  code: string;
  moderator: string;
  screen: string;
  otherModerator: string;
  participantToken: string;
  otherParticipantToken: string;
  participantId: string;
  tableId: number;
  /** The personal link of an imported, not yet claimed person of the fixture's event. */
  claimSecret: string;
  /** A takeaway of the fixture's live round, so hiding one gets past the lookup. */
  takeawayId: number;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Route {
  method: Method;
  path: string;
  /** A body the route accepts, the starting point for mutations. */
  body?: (f: Fixture) => Record<string, unknown>;
  /** A success here uses up the fixture (erases, finishes, ends): build a fresh one. */
  resets?: boolean;
}

const person = () => {
  const { privacyAccepted: _, ...p } = profile();
  return p;
};

const ATTENDEES = 'Order code,Position ID,Attendee name,Company\nAB12C,1,Anna Fuzz,Org\nAB12C,2,Bert Fuzz,\n';

// Every route in src/routes.
const ROUTES: Route[] = [
  { method: 'GET', path: '/healthz' },
  { method: 'GET', path: '/readyz' },
  { method: 'GET', path: '/api/info' },
  { method: 'POST', path: '/api/events', body: () => ({ title: 'Fuzz', tables: { count: 2, seats: 4 } }) },
  { method: 'GET', path: '/api/events/:code' },
  { method: 'GET', path: '/api/events/:code/qr.svg' },
  {
    method: 'PATCH',
    path: '/api/events/:code',
    body: () => ({ title: 'Neu', joinOpen: true, minutesPerRound: 5, matching: { timeMs: 20 } }),
    resets: true,
  },
  { method: 'POST', path: '/api/events/:code/screen-link', resets: true },
  { method: 'POST', path: '/api/events/:code/finish', resets: true },
  { method: 'DELETE', path: '/api/events/:code', resets: true },
  {
    method: 'POST',
    path: '/api/events/:code/participants',
    body: () => ({ ...profile(), contact: 'a@example.org', shareContact: true }),
  },
  { method: 'GET', path: '/api/me' },
  {
    method: 'PATCH',
    path: '/api/me',
    body: () => ({ displayName: 'Neu', presence: 'break', contact: 'https://example.org' }),
  },
  { method: 'DELETE', path: '/api/me', resets: true },
  { method: 'GET', path: '/api/me/contacts' },
  { method: 'GET', path: '/api/me/contacts.vcf' },
  { method: 'GET', path: '/api/me/known' },
  { method: 'PUT', path: '/api/me/known/:participantId' },
  { method: 'DELETE', path: '/api/me/known/:participantId' },
  { method: 'GET', path: '/api/events/:code/state' },
  { method: 'GET', path: '/api/events/:code/preview' },
  { method: 'GET', path: '/api/events/:code/export.csv' },
  { method: 'GET', path: '/api/events/:code/plan' },
  { method: 'POST', path: '/api/events/:code/walk-ins', body: person },
  { method: 'POST', path: '/api/events/:code/rehearsal', body: () => ({ count: 2, seed: 1 }), resets: true },
  {
    method: 'PATCH',
    path: '/api/events/:code/participants/:participantId',
    body: () => ({ presence: 'absent' }),
  },
  { method: 'DELETE', path: '/api/events/:code/participants/:participantId', resets: true },
  { method: 'DELETE', path: '/api/events/:code/rehearsal', resets: true },
  {
    method: 'PUT',
    path: '/api/events/:code/tables/:tableId/host',
    body: (f) => ({ participantId: f.participantId }),
  },
  { method: 'POST', path: '/api/events/:code/rounds' },
  { method: 'POST', path: '/api/events/:code/rounds/current/extend', body: () => ({ minutes: 1 }) },
  { method: 'POST', path: '/api/events/:code/rounds/current/end', resets: true },
  {
    method: 'POST',
    path: '/api/events/:code/rounds/current/moves',
    body: (f) => ({ participantId: f.participantId, tableId: f.tableId }),
  },
  {
    method: 'POST',
    path: '/api/events/:code/rounds/current/seats',
    body: (f) => ({ participantId: f.participantId }),
  },
  { method: 'GET', path: '/api/events/:code/screen' },
  { method: 'GET', path: '/api/site' },
  { method: 'POST', path: '/api/events/:code/registrations/preview', body: () => ({ content: ATTENDEES }) },
  { method: 'POST', path: '/api/events/:code/registrations', body: () => ({ content: ATTENDEES }) },
  { method: 'GET', path: '/api/events/:code/registrations' },
  { method: 'DELETE', path: '/api/events/:code/registrations', resets: true },
  { method: 'GET', path: '/api/events/:code/registrations/links.csv' },
  { method: 'GET', path: '/api/events/:code/badges' },
  { method: 'GET', path: '/api/events/:code/claim' },
  { method: 'POST', path: '/api/events/:code/claim', body: () => profile(), resets: true },
  {
    method: 'PUT',
    path: '/api/events/:code/questions/:round',
    body: () => ({ de: 'Frage?', en: 'Question?' }),
  },
  { method: 'PATCH', path: '/api/events/:code/takeaways/:takeawayId', body: () => ({ hidden: true }) },
  { method: 'PUT', path: '/api/events/:code/harvest-wall', body: () => ({ round: null }) },
  { method: 'DELETE', path: '/api/events/:code/harvest-wall' },
  { method: 'GET', path: '/api/events/:code/harvest' },
  { method: 'GET', path: '/api/events/:code/harvest.md' },
  { method: 'GET', path: '/api/events/:code/harvest.csv' },
  { method: 'POST', path: '/api/me/takeaways', body: () => ({ text: 'Offene Standards' }) },
  { method: 'POST', path: '/api/me/feedback', body: () => ({ face: 'good' }) },
];

// ---- arbitraries -------------------------------------------------------------------------------

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const protoKey = fc.constantFrom(...PROTO_KEYS);

const nasty = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      '\u202e',
      '\u2066',
      '\u061c',
      '\u200b',
      '\u0000',
      '\ud800',
      '\udfff',
      'ä',
      '😀',
      '\n',
      '"',
    ),
    maxLength: 30,
  }),
  fc.constantFrom(
    '',
    ' ',
    '%00',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
    '${7*7}',
    'NaN',
    '-0',
    '1e309',
    'null',
    '=HYPERLINK("x")',
    'a@b.c',
    'https://example.org',
  ),
  fc.integer({ min: 1_000, max: 120_000 }).map((n) => 'x'.repeat(n)),
);

const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nasty,
  fc.constantFrom(0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, true, false, null, [], {}),
  fc.dictionary(fc.oneof(protoKey, fc.string({ maxLength: 10 })), fc.jsonValue({ maxDepth: 2 }), {
    maxKeys: 4,
  }),
);

type BodyRecipe =
  | { kind: 'none' }
  | { kind: 'valid' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string; text: string }
  | { kind: 'mutate'; op: 'set' | 'delete' | 'add'; key: string; value: unknown }
  | { kind: 'pollute'; key: string; value: unknown };

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  'application/json;',
  '*/*',
);

const bodyRecipe: fc.Arbitrary<BodyRecipe> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.constant({ kind: 'valid' as const }),
  fc.record({ kind: fc.constant('json' as const), value: jsonish }),
  fc.record({
    kind: fc.constant('raw' as const),
    contentType,
    text: fc.oneof(nasty, fc.constantFrom('{', '{"a":', '[1,2', '{"__proto__":{"x":1}}', '\u0000{}')),
  }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('mutate' as const),
      op: fc.constantFrom('set' as const, 'delete' as const, 'add' as const),
      key: fc.oneof(
        fc.constantFrom('title', 'displayName', 'tables', 'presence', 'participantId', 'tableId'),
        protoKey,
        fc.string({ maxLength: 12 }),
      ),
      value: jsonish,
    }),
  },
  fc.record({ kind: fc.constant('pollute' as const), key: protoKey, value: jsonish }),
);

type SecretChoice =
  | 'none'
  | 'moderator'
  | 'screen'
  | 'participant'
  | 'otherParticipant'
  | 'otherModerator'
  | { raw: string };

// Header values as a real client can send them: no control characters, nothing past U+00FF.
const headerText = fc
  .oneof(
    fc.string({ unit: 'binary-ascii', maxLength: 60 }),
    fc.integer({ min: 100, max: 20_000 }).map((n) => 'A'.repeat(n)),
  )
  .map((s) => s.replace(/[^\t -~\u00a0-\u00ff]/g, ''));

const secretChoice: fc.Arbitrary<SecretChoice> = fc.oneof(
  fc.constantFrom<SecretChoice>(
    'none',
    'moderator',
    'moderator',
    'screen',
    'participant',
    'otherParticipant',
    'otherModerator',
  ),
  fc.record({
    raw: fc.oneof(
      headerText,
      headerText.map((s) => `Bearer ${s}`),
    ),
  }),
);

// encodeURIComponent throws on a lone surrogate; a client would send its replacement character.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const encodeSegment = (s: string) => encodeURIComponent(s.slice(0, 300).replace(LONE_SURROGATE, '\ufffd'));

const segment = fc.oneof(
  nasty.map(encodeSegment),
  fc.constantFrom(
    '%',
    '%zz',
    '%ED%A0%80',
    '%2e%2e',
    '..',
    '.',
    '%00',
    '-1',
    '0',
    '1e3',
    '0x10',
    '99999999999999999999',
    'NaN',
    'ABCD2345',
    'a'.repeat(250),
  ),
);

interface PathRecipe {
  code: string | null;
  participantId: string | null;
  tableId: string | null;
  query: [string, string][];
  rawQuery: string | null;
}

const pathRecipe: fc.Arbitrary<PathRecipe> = fc.record({
  code: fc.option(segment, { freq: 2 }),
  participantId: fc.option(segment, { freq: 2 }),
  tableId: fc.option(segment, { freq: 2 }),
  query: fc.array(fc.tuple(fc.oneof(protoKey, fc.string({ maxLength: 10 })), fc.string({ maxLength: 30 })), {
    maxLength: 4,
  }),
  rawQuery: fc.option(
    fc.constantFrom('__proto__[x]=1', 'constructor[prototype][x]=1', 'a=%zz', '&&&', 'a[]=1&a[]=2', '%'),
    { freq: 3 },
  ),
});

interface HeaderRecipe {
  secret: SecretChoice;
  extra: [string, string][];
  remoteAddress: string;
}

const headerName = fc.constantFrom(
  'accept',
  'accept-language',
  'x-forwarded-for',
  'origin',
  'cookie',
  'x-http-method-override',
  'content-encoding',
  'user-agent',
  'if-none-match',
);
const headerRecipe: fc.Arbitrary<HeaderRecipe> = fc.record({
  secret: secretChoice,
  extra: fc.array(fc.tuple(headerName, headerText), { maxLength: 3 }),
  remoteAddress: fc.oneof(fc.ipV4(), fc.constant('::1')),
});

interface Recipe {
  body: BodyRecipe;
  path: PathRecipe;
  headers: HeaderRecipe;
}

const validPath: PathRecipe = { code: null, participantId: null, tableId: null, query: [], rawQuery: null };
const rightSecret: HeaderRecipe = { secret: 'moderator', extra: [], remoteAddress: '127.0.0.1' };

// ---- running one request ----------------------------------------------------------------------

function secretFor(route: Route, choice: SecretChoice, f: Fixture): string | undefined {
  if (typeof choice === 'object') return choice.raw;
  // "moderator" stands for the secret the route wants, so valid-looking requests get past the door.
  if (choice === 'moderator' && route.path.startsWith('/api/me')) return `Bearer ${f.participantToken}`;
  if (choice === 'moderator' && route.path.endsWith('/claim')) return `Bearer ${f.claimSecret}`;
  const secrets = {
    none: undefined,
    moderator: f.moderator,
    screen: f.screen,
    participant: f.participantToken,
    otherParticipant: f.otherParticipantToken,
    otherModerator: f.otherModerator,
  };
  const secret = secrets[choice];
  return secret === undefined ? undefined : `Bearer ${secret}`;
}

function materialise(route: Route, recipe: Recipe, f: Fixture) {
  const p = recipe.path;
  let url = route.path
    .replace(':code', p.code ?? f.code)
    .replace(':participantId', p.participantId ?? f.participantId)
    .replace(':tableId', p.tableId ?? String(f.tableId))
    // The other numeric segments take the same mutations as the table id.
    .replace(':takeawayId', p.tableId ?? String(f.takeawayId))
    .replace(':round', p.tableId ?? '1');
  const query = p.query.map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`);
  if (p.rawQuery) query.push(p.rawQuery);
  if (query.length > 0) url += `?${query.join('&')}`;

  const headers: Record<string, string> = Object.fromEntries(recipe.headers.extra);
  const secret = secretFor(route, recipe.headers.secret, f);
  if (secret !== undefined) headers.authorization = secret;

  const b = recipe.body;
  let payload: string | undefined;
  const base = route.body?.(f) ?? {};
  if (b.kind === 'json') payload = JSON.stringify(b.value);
  else if (b.kind === 'raw') {
    headers['content-type'] = b.contentType;
    payload = b.text;
  } else if (b.kind === 'mutate') {
    const copy: Record<string, unknown> = { ...base };
    if (b.op === 'delete') delete copy[b.key];
    else Object.defineProperty(copy, b.key, { value: b.value, enumerable: true, writable: true });
    payload = JSON.stringify(copy);
  } else if (b.kind === 'pollute') {
    // Written by hand: JSON.stringify would never emit a "__proto__" key from an object literal.
    const rest = JSON.stringify(base).slice(1, -1);
    payload = `{${JSON.stringify(b.key)}:${JSON.stringify(b.value ?? null)}${rest ? `,${rest}` : ''}}`;
  } else if (b.kind === 'valid' && route.body) {
    payload = JSON.stringify(base);
  }
  if (payload !== undefined && payload !== '' && !headers['content-type'])
    headers['content-type'] = 'application/json';
  return { method: route.method, url, headers, payload, remoteAddress: recipe.headers.remoteAddress };
}

async function buildFixture(app: App, round: number): Promise<Fixture> {
  // Each fixture from its own address, so the fixture itself never meets a rate limit.
  const remoteAddress = `10.99.${Math.floor(round / 250) % 250}.${round % 250}`;
  const create = async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/events',
      remoteAddress,
      payload: { title: 'Fixture', tables: { count: 3, seats: 4 } },
    });
    if (res.statusCode !== 201) throw new Error(`fixture: ${res.statusCode} ${res.body}`);
    return res.json() as { code: string; moderator: string; screen: string };
  };
  const a = await create();
  const b = await create();
  const joinFrom = async (code: string) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/events/${code}/participants`,
      remoteAddress,
      payload: profile({ contact: 'x@example.org', shareContact: true }),
    });
    if (res.statusCode !== 201) throw new Error(`fixture join: ${res.statusCode} ${res.body}`);
    return res.json() as { participantId: string; token: string };
  };
  const people = [];
  for (let i = 0; i < 5; i++) people.push(await joinFrom(a.code));
  const other = await joinFrom(b.code);
  const started = await app.inject({
    method: 'POST',
    url: `/api/events/${a.code}/rounds`,
    headers: auth(a.moderator),
  });
  if (started.statusCode !== 201) throw new Error(`fixture round: ${started.body}`);
  const takeaway = await app.inject({
    method: 'POST',
    url: '/api/me/takeaways',
    headers: auth(people[2]!.token),
    payload: { text: 'Fixture' },
  });
  if (takeaway.statusCode !== 201) throw new Error(`fixture takeaway: ${takeaway.body}`);
  const state = (
    await app.inject({ method: 'GET', url: `/api/events/${a.code}/state`, headers: auth(a.moderator) })
  ).json();
  const imported = await app.inject({
    method: 'POST',
    url: `/api/events/${a.code}/registrations`,
    headers: auth(a.moderator),
    payload: { content: ATTENDEES },
  });
  if (imported.statusCode !== 200) throw new Error(`fixture import: ${imported.body}`);
  const links = await app.inject({
    method: 'GET',
    url: `/api/events/${a.code}/registrations/links.csv`,
    headers: auth(a.moderator),
  });
  const claimSecret = links.body.match(/#([A-Za-z0-9_-]+)\r?\n/)?.[1];
  if (!claimSecret) throw new Error(`fixture links: ${links.body}`);
  const used = new Set(state.participants.map((p: { tableId: number }) => p.tableId));
  const free = state.tables.find((t: { id: number }) => !used.has(t.id)) ?? state.tables[0];
  return {
    code: a.code,
    moderator: a.moderator,
    screen: a.screen,
    otherModerator: b.moderator,
    participantToken: people[0]!.token,
    otherParticipantToken: other.token,
    participantId: people[1]!.participantId,
    tableId: free.id,
    claimSecret,
    takeawayId: state.cafe.harvest[0].tables[0].items[0].id,
  };
}

const statuses = new Map<number, number>();

/** fast-check prints whole counterexamples (some are 100 kB strings); keep failures readable. */
async function assertProperty<T>(property: fc.IAsyncProperty<T>, numRuns: number) {
  await fc.assert(property, {
    numRuns,
    endOnFailure: true,
    ...(seed !== undefined && { seed }),
    asyncReporter: async (details) => {
      if (!details.failed) return;
      const cause =
        details.errorInstance instanceof Error
          ? details.errorInstance.message
          : String(details.errorInstance);
      throw new Error(
        `after ${details.numRuns} runs (seed ${details.seed}, path ${details.counterexamplePath}): ${cause.slice(0, 1500)}`,
      );
    },
  });
}

const totals = new Map<string, number>();
let apps: TestApp[] = [];
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
  apps = [];
  const total = [...totals.values()].reduce((s, n) => s + n, 0);
  const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([code, n]) => `${code}×${n}`);
  console.log(
    `fuzz: ${totals.size} routes, ${total} requests (${Math.min(...totals.values())} or more per route); ` +
      `statuses ${byStatus.join(' ')}`,
  );
});

describe('fuzzing every route', () => {
  for (const route of ROUTES) {
    const name = `${route.method} ${route.path}`;
    it(`${name}: ${RUNS.body + RUNS.path + RUNS.headers} runs, never a 5xx, refusals change nothing`, async () => {
      // A small planning box: background re-plans of accepted requests land quickly.
      const t = await createTestApp({ TRUST_PROXY: 'true', PLAN_EFFORT_MS: '20' });
      apps.push(t);
      let rounds = 0;
      let fixture = await buildFixture(t.app, rounds++);
      let runs = 0;

      const check = async (recipe: Recipe) => {
        const request = materialise(route, recipe, fixture);
        // A re-plan asked for by an earlier, accepted request is a change of its own: let it land first.
        await t.app.planner.whenIdle();
        const before = await dumpDatabase(t.app);
        const res = await t.app.inject(request);
        runs += 1;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        const where = `${request.method} ${request.url.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect(res.statusCode, where).toBeLessThan(500);
        if (res.statusCode >= 400) {
          let body: { error?: { code?: unknown; message?: unknown } } = {};
          try {
            body = res.json();
          } catch {}
          expect(typeof body.error?.code, where).toBe('string');
          expect(typeof body.error?.message, where).toBe('string');
          expect((await dumpDatabase(t.app)) === before, `refused but changed state: ${where}`).toBe(true);
        } else if (route.resets) {
          sqliteOf(t.app).writer.exec('delete from events');
          fixture = await buildFixture(t.app, rounds++);
        }
      };

      await assertProperty(
        // Half of the bodies come with the right secret, so they reach the schema and the rules behind it.
        fc.asyncProperty(bodyRecipe, headerRecipe, fc.boolean(), async (body, headers, right) =>
          check({ body, path: validPath, headers: right ? rightSecret : headers }),
        ),
        RUNS.body,
      );
      await assertProperty(
        fc.asyncProperty(pathRecipe, async (path) =>
          check({ body: { kind: 'valid' }, path, headers: rightSecret }),
        ),
        RUNS.path,
      );
      await assertProperty(
        fc.asyncProperty(headerRecipe, async (headers) =>
          check({ body: { kind: 'valid' }, path: validPath, headers }),
        ),
        RUNS.headers,
      );

      const health = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      expect(runs).toBeGreaterThanOrEqual(TOTAL_RUNS);
      totals.set(name, runs);
      await t.close();
      apps = apps.filter((a) => a !== t);
    });
  }
});

describe('router-level refusals', () => {
  it.each([
    ['a malformed escape', '/api/events/%zz'],
    ['an over-long parameter', `/api/events/${'x'.repeat(300)}`],
  ])('answer %s with the error shape', async (_what, url) => {
    const t = await createTestApp();
    try {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBeLessThan(500);
      expect(typeof res.json().error?.code).toBe('string');
    } finally {
      await t.close();
    }
  });
});
