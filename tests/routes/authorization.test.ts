import { describe, expect, it } from 'vitest';
import { auth, createEvent, eventIdOf, join, moderatorState } from '../helpers/api.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { dumpDatabase } from '../helpers/rows.js';

type Credential =
  | 'none'
  | 'malformed'
  | 'wrong'
  | 'participant'
  | 'otherParticipant'
  | 'screen'
  | 'otherModerator'
  | 'claim'
  | 'moderator';
const CREDENTIALS: Credential[] = [
  'none',
  'malformed',
  'wrong',
  'participant',
  'otherParticipant',
  'screen',
  'otherModerator',
  'claim',
  'moderator',
];

/**
 * public: anyone; participant: /api/me with a participant token; moderator; screen: screen or
 * moderator; claim: the personal link of an expected person (imported, not yet claimed).
 */
type Access = 'public' | 'participant' | 'moderator' | 'screen' | 'claim';

interface Fixture {
  code: string;
  participantId: string;
  freeTableId: number;
  seatedTableId: number;
  /** A table of the live round other than the participant's, with a free seat. */
  otherSeatedTableId: number;
}

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  access: Access;
  /** Status for an allowed secret, given the fixture: event A with six people and round 1 live. */
  allowed: number;
  /** For the other event's participant, where its state answers differently (no round there). */
  allowedOther?: number;
}

const A = (f: Fixture) => `/api/events/${f.code}`;
const ATTENDEES = 'ticket,name\nT-1,Erwartete Person\n';

// Every route in src/routes; the fixture has a live round, so starting and previewing one answer 409.
const ROUTES: RouteCase[] = [
  { method: 'GET', url: () => '/healthz', access: 'public', allowed: 200 },
  { method: 'GET', url: () => '/readyz', access: 'public', allowed: 200 },
  { method: 'GET', url: () => '/api/info', access: 'public', allowed: 200 },
  {
    method: 'POST',
    url: () => '/api/events',
    body: () => ({ title: 'Zweites', tables: { count: 2, seats: 4 } }),
    access: 'public',
    allowed: 201,
  },
  { method: 'GET', url: A, access: 'public', allowed: 200 },
  { method: 'GET', url: (f) => `${A(f)}/qr.svg`, access: 'public', allowed: 200 },
  { method: 'PATCH', url: A, body: () => ({ title: 'Neu' }), access: 'moderator', allowed: 200 },
  { method: 'POST', url: (f) => `${A(f)}/screen-link`, access: 'moderator', allowed: 200 },
  { method: 'POST', url: (f) => `${A(f)}/finish`, access: 'moderator', allowed: 200 },
  { method: 'DELETE', url: A, access: 'moderator', allowed: 204 },
  {
    method: 'POST',
    url: (f) => `${A(f)}/participants`,
    body: () => ({ displayName: 'Neu', role: 'verwaltung', stage: 1, privacyAccepted: true }),
    access: 'public',
    allowed: 201,
  },
  { method: 'GET', url: () => '/api/me', access: 'participant', allowed: 200 },
  {
    method: 'PATCH',
    url: () => '/api/me',
    body: () => ({ presence: 'break' }),
    access: 'participant',
    allowed: 200,
  },
  { method: 'DELETE', url: () => '/api/me', access: 'participant', allowed: 204 },
  // Contacts open after the event: before that the right token gets a 409, not an auth error.
  { method: 'GET', url: () => '/api/me/contacts', access: 'participant', allowed: 409 },
  { method: 'GET', url: () => '/api/me/contacts.vcf', access: 'participant', allowed: 409 },
  { method: 'GET', url: () => '/api/me/people?q=an', access: 'participant', allowed: 200 },
  { method: 'GET', url: () => '/api/me/known', access: 'participant', allowed: 200 },
  // The fixture's participant is the token's own: knowing oneself is refused by the rule (409).
  { method: 'PUT', url: (f) => `/api/me/known/${f.participantId}`, access: 'participant', allowed: 409 },
  { method: 'DELETE', url: (f) => `/api/me/known/${f.participantId}`, access: 'participant', allowed: 409 },
  { method: 'GET', url: (f) => `${A(f)}/state`, access: 'moderator', allowed: 200 },
  { method: 'GET', url: (f) => `${A(f)}/preview`, access: 'moderator', allowed: 409 },
  { method: 'GET', url: (f) => `${A(f)}/export.csv`, access: 'moderator', allowed: 200 },
  { method: 'GET', url: (f) => `${A(f)}/plan`, access: 'moderator', allowed: 200 },
  {
    method: 'POST',
    url: (f) => `${A(f)}/walk-ins`,
    body: () => ({ displayName: 'Walk-in', role: 'politik', stage: 0 }),
    access: 'moderator',
    allowed: 201,
  },
  {
    method: 'POST',
    url: (f) => `${A(f)}/rehearsal`,
    body: () => ({ count: 3, seed: 1 }),
    access: 'moderator',
    allowed: 201,
  },
  {
    method: 'PATCH',
    url: (f) => `${A(f)}/participants/${f.participantId}`,
    body: () => ({ presence: 'absent' }),
    access: 'moderator',
    allowed: 200,
  },
  {
    method: 'DELETE',
    url: (f) => `${A(f)}/participants/${f.participantId}`,
    access: 'moderator',
    allowed: 204,
  },
  // Rehearsal people leave only between rounds: the right secret reaches the rule, which answers 409.
  { method: 'DELETE', url: (f) => `${A(f)}/rehearsal`, access: 'moderator', allowed: 409 },
  {
    method: 'PUT',
    url: (f) => `${A(f)}/tables/${f.freeTableId}/host`,
    body: (f) => ({ participantId: f.participantId }),
    access: 'moderator',
    allowed: 200,
  },
  { method: 'POST', url: (f) => `${A(f)}/rounds`, access: 'moderator', allowed: 409 },
  {
    method: 'POST',
    url: (f) => `${A(f)}/rounds/current/extend`,
    body: () => ({ minutes: 2 }),
    access: 'moderator',
    allowed: 200,
  },
  { method: 'POST', url: (f) => `${A(f)}/rounds/current/end`, access: 'moderator', allowed: 200 },
  {
    method: 'POST',
    url: (f) => `${A(f)}/rounds/current/moves`,
    // To a table in use: a move to an empty table would leave the person alone (409).
    body: (f) => ({ participantId: f.participantId, tableId: f.otherSeatedTableId }),
    access: 'moderator',
    allowed: 200,
  },
  // Everyone present already has a seat: the right secret reaches the rule, which answers 409.
  {
    method: 'POST',
    url: (f) => `${A(f)}/rounds/current/seats`,
    body: (f) => ({ participantId: f.participantId }),
    access: 'moderator',
    allowed: 409,
  },
  { method: 'GET', url: (f) => `${A(f)}/screen`, access: 'screen', allowed: 200 },
  { method: 'GET', url: () => '/api/site', access: 'public', allowed: 200 },
  {
    method: 'POST',
    url: (f) => `${A(f)}/registrations/preview`,
    body: () => ({ content: ATTENDEES }),
    access: 'moderator',
    allowed: 200,
  },
  // The fixture imported this file already: importing it again updates the same person.
  {
    method: 'POST',
    url: (f) => `${A(f)}/registrations`,
    body: () => ({ content: ATTENDEES }),
    access: 'moderator',
    allowed: 200,
  },
  { method: 'GET', url: (f) => `${A(f)}/registrations`, access: 'moderator', allowed: 200 },
  { method: 'DELETE', url: (f) => `${A(f)}/registrations`, access: 'moderator', allowed: 200 },
  { method: 'GET', url: (f) => `${A(f)}/registrations/links.csv`, access: 'moderator', allowed: 200 },
  { method: 'GET', url: (f) => `${A(f)}/badges`, access: 'moderator', allowed: 200 },
  { method: 'GET', url: (f) => `${A(f)}/claim`, access: 'claim', allowed: 200 },
  {
    method: 'POST',
    url: (f) => `${A(f)}/claim`,
    body: () => ({ displayName: 'Erwartet', role: 'verwaltung', stage: 1, privacyAccepted: true }),
    access: 'claim',
    allowed: 201,
  },
  {
    method: 'PUT',
    url: (f) => `${A(f)}/questions/1`,
    body: () => ({ de: 'Frage?', en: null }),
    access: 'moderator',
    allowed: 200,
  },
  // No takeaway has this id yet: the right secret reaches the lookup, which answers 404.
  {
    method: 'PATCH',
    url: (f) => `${A(f)}/takeaways/999`,
    body: () => ({ hidden: true }),
    access: 'moderator',
    allowed: 404,
  },
  {
    method: 'PUT',
    url: (f) => `${A(f)}/harvest-wall`,
    body: () => ({ round: 1 }),
    access: 'moderator',
    allowed: 200,
  },
  { method: 'DELETE', url: (f) => `${A(f)}/harvest-wall`, access: 'moderator', allowed: 200 },
  { method: 'GET', url: (f) => `${A(f)}/harvest`, access: 'moderator', allowed: 200 },
  { method: 'GET', url: (f) => `${A(f)}/harvest.md`, access: 'moderator', allowed: 200 },
  { method: 'GET', url: (f) => `${A(f)}/harvest.csv`, access: 'moderator', allowed: 200 },
  // The other participant's event has no round: nothing to harvest there.
  {
    method: 'POST',
    url: () => '/api/me/takeaways',
    body: () => ({ text: 'Gemeinsam' }),
    access: 'participant',
    allowed: 201,
    allowedOther: 409,
  },
  // The round is live (and the other participant's event has none): feedback is closed for both.
  {
    method: 'POST',
    url: () => '/api/me/feedback',
    body: () => ({ face: 'good' }),
    access: 'participant',
    allowed: 409,
  },
];

/**
 * 401 when no secret is readable, the token names no participant or the personal link no expected
 * person of this event; 403 when a secret is presented
 * for an event it does not open (another kind, another event, or unknown: the check is per event).
 */
function expected(route: RouteCase, credential: Credential): number {
  if (route.access === 'public') return route.allowed;
  if (credential === 'none' || credential === 'malformed') return 401;
  if (route.access === 'claim') return credential === 'claim' ? route.allowed : 401;
  if (route.access === 'participant') {
    if (credential === 'otherParticipant') return route.allowedOther ?? route.allowed;
    return credential === 'participant' ? route.allowed : 401;
  }
  if (credential === 'moderator') return route.allowed;
  if (route.access === 'screen' && credential === 'screen') return route.allowed;
  return 403;
}

// Allowed secrets run last, so refused cells see the fixture untouched by the route under test.
const lastly = (c: Credential) => Number(c === 'moderator' || c === 'claim');
const ORDER = [...CREDENTIALS].sort((a, b) => lastly(a) - lastly(b));
const CELLS = ROUTES.length * CREDENTIALS.length;
const PLACEHOLDERS: Fixture = {
  code: '{code}',
  participantId: '{participantId}',
  freeTableId: 0,
  seatedTableId: 0,
  otherSeatedTableId: 0,
};

/** Until the background re-plan after a change is stored: a refused request must find the data still. */
async function plannerSettled(t: TestApp, code: string): Promise<void> {
  const eventId = await eventIdOf(t.app, code);
  for (;;) {
    await t.app.planner.ensureCurrent(eventId);
    if (t.app.planner.status(eventId) === 'idle') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function fixtureApp(): Promise<{
  t: TestApp;
  fixture: Fixture;
  headers: Record<Credential, Record<string, string>>;
}> {
  const t = await createTestApp();
  const a = await createEvent(t.app);
  const b = await createEvent(t.app);
  const people: { participantId: string; token: string }[] = [];
  for (let i = 0; i < 6; i++) people.push(await join(t.app, a.code));
  const other = await join(t.app, b.code);
  const round = await t.app.inject({
    method: 'POST',
    url: `/api/events/${a.code}/rounds`,
    headers: auth(a.moderator),
  });
  expect(round.statusCode).toBe(201);
  const imported = await t.app.inject({
    method: 'POST',
    url: `/api/events/${a.code}/registrations`,
    headers: auth(a.moderator),
    payload: { content: ATTENDEES },
  });
  expect(imported.statusCode).toBe(200);
  const links = await t.app.inject({
    method: 'GET',
    url: `/api/events/${a.code}/registrations/links.csv`,
    headers: auth(a.moderator),
  });
  const claimSecret = links.body.match(/#([A-Za-z0-9_-]+)\r?\n/)?.[1] as string;
  await plannerSettled(t, a.code);
  const state = await moderatorState(t.app, a);
  const tableOf = (id: string) =>
    state.participants.find((p: { id: string }) => p.id === id).tableId as number;
  const used = new Set(state.participants.map((p: { tableId: number | null }) => p.tableId));
  const seatedTableId = tableOf(people[0]!.participantId);
  const fixture: Fixture = {
    code: a.code,
    participantId: people[0]!.participantId,
    seatedTableId,
    otherSeatedTableId: [...used].find((id) => id !== null && id !== seatedTableId) as number,
    freeTableId: state.tables.find((tb: { id: number }) => !used.has(tb.id)).id,
  };
  const headers: Record<Credential, Record<string, string>> = {
    none: {},
    // Any visible ASCII is a well-formed secret (base64 admin tokens); a blank or non-ASCII is not.
    malformed: { authorization: `Bearer ${a.moderator} ü` },
    wrong: auth('x'.repeat(32)),
    participant: auth(people[0]!.token),
    otherParticipant: auth(other.token),
    screen: auth(a.screen),
    otherModerator: auth(b.moderator),
    claim: auth(claimSecret),
    moderator: auth(a.moderator),
  };
  return { t, fixture, headers };
}

// One test per route, so each stays a few requests on one app however busy the machine is.
describe(`authorisation matrix (${ROUTES.length} routes × ${CREDENTIALS.length} credentials = ${CELLS} cells)`, () => {
  it.each(ROUTES.map((route) => [`${route.method} ${route.url(PLACEHOLDERS)}`, route] as const))(
    '%s answers every credential as expected',
    async (_name, route) => {
      const { t, fixture, headers } = await fixtureApp();
      const failures: string[] = [];
      let checked = 0;
      try {
        for (const credential of ORDER) {
          const want = expected(route, credential);
          const before = await dumpDatabase(t.app);
          const res = await t.app.inject({
            method: route.method,
            url: route.url(fixture),
            headers: headers[credential],
            ...(route.body && { payload: route.body(fixture) as object }),
          });
          checked += 1;
          const label = `as ${credential}`;
          if (res.statusCode !== want)
            failures.push(`${label}: ${res.statusCode} (want ${want}) ${res.body}`);
          if (res.statusCode >= 400) {
            const body = res.json();
            if (typeof body.error?.code !== 'string' || typeof body.error?.message !== 'string') {
              failures.push(`${label}: no error shape: ${res.body}`);
            }
            if ((await dumpDatabase(t.app)) !== before) failures.push(`${label}: refused but changed state`);
          }
        }
      } finally {
        await t.close();
      }
      expect(failures).toEqual([]);
      expect(checked).toBe(CREDENTIALS.length);
    },
  );
});

describe('the matrix itself', () => {
  it('covers every /api route the app registers (from its OpenAPI document)', async () => {
    const t = await createTestApp();
    try {
      const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
      const registered = Object.entries(spec.paths)
        .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
        .filter((r) => r.includes(' /api/'))
        .sort();
      const listed = ROUTES.map((r) =>
        `${r.method} ${r.url(PLACEHOLDERS)}`
          .replace('/tables/0/', '/tables/{tableId}/')
          .replace('/questions/1', '/questions/{round}')
          .replace('/takeaways/999', '/takeaways/{takeawayId}')
          .replace(/\?.*$/, ''),
      )
        .filter((r) => r.includes(' /api/'))
        .sort();
      expect(listed).toEqual(registered);
    } finally {
      await t.close();
    }
  });
});
