import type { MatchTable, Metrics, Round } from '../../matching/index.js';
import type { Participant } from './instance-schema.js';

export type PlanFormat = 'json' | 'csv' | 'md';

/** The plan as the chosen format: JSON for programs, CSV and Markdown person → table lists for organisers. */
export function renderPlan(
  format: PlanFormat,
  rounds: Round[],
  tables: MatchTable[],
  people: Participant[],
  metrics: Metrics,
): string {
  if (format === 'json') return `${JSON.stringify({ rounds, metrics })}\n`;
  const byId = new Map(people.map((person) => [person.id, person]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const seatsOf = (round: Round) =>
    round
      .flatMap((table, t) =>
        table.map((id) => ({ id, name: nameOf(id), table: tables[t]!.label, topic: tables[t]!.topic })),
      )
      .sort((a, b) => a.name.localeCompare(b.name, 'de') || a.id.localeCompare(b.id));
  if (format === 'csv') {
    const cell = (value: string) => (/[",\n;]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
    const lines = ['round,name,table,topic,id,organisation'];
    rounds.forEach((round, r) => {
      for (const seat of seatsOf(round))
        lines.push(
          [
            String(r + 1),
            seat.name,
            seat.table,
            seat.topic ?? '',
            seat.id,
            byId.get(seat.id)?.organisation ?? '',
          ]
            .map(cell)
            .join(','),
        );
    });
    return `${lines.join('\n')}\n`;
  }
  const escapeCell = (value: string) => value.replaceAll('|', '\\|');
  const parts = rounds.map((round, r) => {
    const rows = seatsOf(round).map(
      (seat) =>
        `| ${escapeCell(seat.name)} | ${escapeCell(seat.table)}${seat.topic ? ` (${escapeCell(seat.topic)})` : ''} |`,
    );
    return [`## Round ${r + 1}`, '', '| Person | Table |', '| --- | --- |', ...rows].join('\n');
  });
  const summary = `Repeat encounters: ${metrics.repeats} · most meetings of one pair: ${metrics.maxMeetings} · colleagues at one table: ${metrics.sameOrgPairs} · role mix ${metrics.roleMix.toFixed(2)} · stage mix ${metrics.stageMix.toFixed(2)} · shared interest ${(metrics.interestHook * 100).toFixed(0)} %`;
  return `# Seating plan\n\n${summary}\n\n${parts.join('\n\n')}\n`;
}
