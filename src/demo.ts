import type { App } from './app.js';

/** A rehearsal a newcomer can open at once: an event with 40 simulated people, and its three links. */
export async function runDemo(app: App): Promise<void> {
  const create = await app.inject({
    method: 'POST',
    url: '/api/events',
    headers: app.config.ADMIN_TOKEN ? { authorization: `Bearer ${app.config.ADMIN_TOKEN}` } : {},
    payload: {
      title: 'Netzwerkfrühstück Open Source in der Verwaltung (Probe)',
      language: 'de',
      tables: { count: 8, seats: 6 },
      minutesPerRound: 8,
      plannedRounds: 4,
    },
  });
  if (create.statusCode !== 201) throw new Error(`demo: could not create the event (${create.body})`);
  const created = create.json() as { code: string; moderator: string; links: Record<string, string> };
  await app.inject({
    method: 'POST',
    url: `/api/events/${created.code}/rehearsal`,
    headers: { authorization: `Bearer ${created.moderator}` },
    payload: { count: 40, seed: 1 },
  });
  console.log(
    [
      '',
      'Rehearsal event with 40 simulated participants:',
      `  Moderator console: ${created.links.moderator}`,
      `  Venue screen:      ${created.links.screen}`,
      `  Join page (phone): ${created.links.join}`,
      '',
    ].join('\n'),
  );
}
