import type { Language } from '../db/schema/constants.js';
import { questionOf, takeawaysAt } from './cafe-rules.js';
import { feedbackResults } from './cafe-views.js';
import { csvCell } from './csv.js';
import type { EventState } from './event-state.js';

/** Every round's question, the visible takeaways per table, and the settled feedback: print view and exports. */
export function harvestReport(state: EventState) {
  const feedback = feedbackResults(state);
  return {
    title: state.event.title,
    language: state.event.language,
    rounds: state.rounds.map((r) => ({
      number: r.number,
      question: questionOf(state, r.number),
      tables: state.tables
        .map((t) => ({
          label: t.label,
          items: takeawaysAt(state, r.id, t.id)
            .filter((x) => !x.hidden)
            .map((x) => x.text),
        }))
        .filter((t) => t.items.length > 0),
      feedback: feedback.rounds.find((f) => f.number === r.number)!,
    })),
    feedback: feedback.overall,
  };
}

type HarvestReport = ReturnType<typeof harvestReport>;

const WORDS: Record<Language, Record<string, string>> = {
  de: {
    harvest: 'Ernte',
    round: 'Runde',
    table: 'Tisch',
    question: 'Frage',
    feedback: 'Rückmeldung',
    answers: 'Antworten',
    none: 'Keine Beiträge.',
    overall: 'Insgesamt',
  },
  en: {
    harvest: 'Harvest',
    round: 'Round',
    table: 'Table',
    question: 'Question',
    feedback: 'Feedback',
    answers: 'answers',
    none: 'No takeaways.',
    overall: 'Overall',
  },
};

// Takeaways are typed on phones (one line each, normalised): inline syntax and a block marker at the
// start must stay plain text, or "# all of us" becomes a heading and a link could be smuggled in.
function mdText(text: string): string {
  const inline = text.replace(/([\\`*_[\]<>|~])/g, '\\$1');
  return inline.replace(/^([#+-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

function feedbackLine(
  w: Record<string, string>,
  f: { answers: number; good?: number; okay?: number; poor?: number },
) {
  if (f.good === undefined) return `${w.feedback}: ${f.answers} ${w.answers}`;
  return `${w.feedback}: 🙂 ${f.good} · 😐 ${f.okay} · 🙁 ${f.poor} (${f.answers} ${w.answers})`;
}

export function harvestMarkdown(report: HarvestReport): string {
  const w = WORDS[report.language];
  const lines = [`# ${mdText(report.title)} — ${w.harvest}`, ''];
  for (const round of report.rounds) {
    lines.push(`## ${w.round} ${round.number}`, '');
    for (const [lang, text] of Object.entries(round.question ?? {})) {
      if (text) lines.push(`> **${w.question} (${lang})**: ${mdText(text)}`, '');
    }
    if (round.tables.length === 0) lines.push(w.none!, '');
    for (const table of round.tables) {
      lines.push(`### ${w.table} ${mdText(table.label)}`, '');
      for (const item of table.items) lines.push(`- ${mdText(item)}`);
      lines.push('');
    }
    lines.push(feedbackLine(w, round.feedback), '');
  }
  lines.push(`## ${w.overall}`, '', feedbackLine(w, report.feedback), '');
  return lines.join('\n');
}

export function harvestCsv(report: HarvestReport): string {
  const lines = [['round', 'question_de', 'question_en', 'table', 'takeaway'].map(csvCell).join(',')];
  for (const round of report.rounds) {
    for (const table of round.tables) {
      for (const item of table.items) {
        const cells = [
          round.number,
          round.question?.de ?? null,
          round.question?.en ?? null,
          table.label,
          item,
        ];
        lines.push(cells.map(csvCell).join(','));
      }
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
