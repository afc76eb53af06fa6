import type { Page } from 'playwright-core';
import type { Person } from './profiles.js';
import type { startServer } from './server.js';

type Server = Awaited<ReturnType<typeof startServer>>;

/** The join form as a person fills it in on the phone. */
export async function joinViaForm(page: Page, person: Person) {
  await page.fill('#displayName', person.name);
  await page.fill('#organisation', person.organisation);
  await page.selectOption('#role', person.role);
  await page.check(`input[name="stage"][value="${person.stage}"]`);
  for (const interest of person.interests) await page.check(`input[name="interests"][value="${interest}"]`);
  if (person.contact) {
    await page.fill('#contact', person.contact);
    await page.check('input[name="shareContact"]');
  }
  await page.check('input[name="privacyAccepted"]');
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-testid="waiting"]');
}

export interface ApiEvent {
  code: string;
  moderator: string;
  links: { join: string; moderator: string; screen: string };
}

/**
 * The moderator's side through the API (no console page needed): for tests whose subject is another
 * page. Fails loudly on any answer that is not 2xx.
 */
export function moderatorApi(server: Server) {
  const call = async <T = unknown>(
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
    secret?: string,
  ) => {
    const response = await server.handle.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: secret ? { authorization: `Bearer ${secret}` } : {},
    });
    if (response.statusCode >= 300)
      throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json() as T;
  };
  return {
    create: (body: object) => call<ApiEvent>('POST', '/api/events', body),
    join: (event: ApiEvent, person: Person) =>
      call('POST', `/api/events/${event.code}/participants`, {
        displayName: person.name,
        organisation: person.organisation,
        role: person.role,
        stage: person.stage,
        interests: person.interests,
        privacyAccepted: true,
      }),
    rehearsal: (event: ApiEvent, count: number) =>
      call('POST', `/api/events/${event.code}/rehearsal`, { count, seed: 7 }, event.moderator),
    startRound: (event: ApiEvent) => call('POST', `/api/events/${event.code}/rounds`, {}, event.moderator),
    endRound: (event: ApiEvent) =>
      call('POST', `/api/events/${event.code}/rounds/current/end`, {}, event.moderator),
    state: <T>(event: ApiEvent) =>
      call<T>('GET', `/api/events/${event.code}/state`, undefined, event.moderator),
  };
}

/** Ends the live round in the console: the button, then its confirmation. */
export async function endRoundInConsole(page: Page) {
  await page.click('[data-testid="end-round"]');
  await page.click('[data-testid="confirm-end-round"]');
  await page.locator('[data-testid="end-round"]').waitFor({ state: 'detached' });
}

/** Moves a person in the live round as a moderator does: search, open their row, choose the table. */
export async function moveInConsole(page: Page, name: string, tableLabel: string) {
  await page.fill('#people-search', name);
  await page.getByRole('button', { name: `Ändern ${name}`, exact: true }).click();
  const select = page.locator(`select[aria-label="Tisch von ${name}"]`);
  // Each option says the table's fill, "3 (4/6)": the label is what comes before it.
  const index = (await select.locator('option').allTextContents()).findIndex((text) =>
    text.startsWith(`${tableLabel} (`),
  );
  await select.selectOption({ index });
  await page.getByRole('button', { name: `Schließen ${name}`, exact: true }).click();
  await page.fill('#people-search', '');
}
