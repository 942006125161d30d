import { stringify } from 'csv-stringify/sync';
import {
  type CatalogExport,
  exportDate,
  groups,
  hours,
  labels,
  money,
  questionLine,
  sourceLine,
  spreadsheet,
  totalsOf,
} from './exportData.js';

export type { CatalogExport } from './exportData.js';

/**
 * The catalog as Markdown and CSV (DOCX: exportDocx.ts, XLSX: exportXlsx.ts),
 * with the same content: per decision, in priority order, each idea with its
 * decision, rationale, timeline, owner, estimates, related ideas, description,
 * the notes it came from with their votes, linked questions and support.
 */

// ---- Markdown ---------------------------------------------------------------------

export function catalogMarkdown(data: CatalogExport): string {
  const l = labels[data.language];
  const all = groups(data);
  const lines = [`# ${data.internal ? l.internalCatalog : l.catalog}: ${data.workshopTitle}`, ''];
  if (data.organisation) lines.push(data.organisation, '');
  lines.push(`${l.exported} ${exportDate(data)} · ${l.ideaCount(data.ideas.length)}`, '');
  lines.push(
    `## ${l.overview}`,
    '',
    `| ${l.rank} | ${l.idea} | ${l.decision} | ${l.timeline} | ${l.owner} | ${l.votes} | ${l.supports} |`,
  );
  lines.push('|---|---|---|---|---|---|---|');
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  for (const f of all.flatMap((g) => g.items)) {
    lines.push(
      `| ${f.rank ?? ''} | ${cell(f.idea.title)} | ${cell(f.decision)} | ${cell(f.timeline)} | ${cell(f.owner)} | ${f.voteTotal} | ${f.supports} |`,
    );
  }
  lines.push('', `## ${l.totals}`, '', `| ${l.decision} | ${l.ideas} | ${l.oneOff} | ${l.yearly} | ${l.hours} |`);
  lines.push('|---|---|---|---|---|');
  for (const t of totalsOf(all)) {
    lines.push(
      `| ${t.label} | ${t.ideas} | ${money(l, t.oneOffDkk)} | ${money(l, t.yearlyDkk)} | ${hours(l, t.staffHours)} |`,
    );
  }
  lines.push('');
  for (const group of all) {
    lines.push(`## ${group.label}`, '');
    for (const f of group.items) {
      lines.push(`### ${f.idea.title}`, '', `- **${l.decision}:** ${f.decision}`);
      if (f.rank !== null) lines.push(`- **${l.rank}:** ${f.rank}`);
      if (f.timeline) lines.push(`- **${l.timeline}:** ${f.timeline}`);
      if (f.owner) lines.push(`- **${l.owner}:** ${f.owner}`);
      if (f.oneOffDkk !== null) lines.push(`- **${l.oneOff}:** ${money(l, f.oneOffDkk)}`);
      if (f.yearlyDkk !== null) lines.push(`- **${l.yearly}:** ${money(l, f.yearlyDkk)}`);
      if (f.staffHours !== null) lines.push(`- **${l.hours}:** ${hours(l, f.staffHours)}`);
      lines.push(`- **${l.votes}:** ${f.voteTotal}`, `- **${l.supports}:** ${f.supports}`);
      if (f.related.length > 0) lines.push(`- **${l.related}:** ${f.related.join('; ')}`);
      if (f.rationale) lines.push('', `#### ${l.rationale}`, '', f.rationale.trim());
      if (f.internalNote) lines.push('', `#### ${l.internalNote}`, '', f.internalNote.trim());
      if (f.description) lines.push('', `#### ${l.description}`, '', f.description.trim());
      if (f.questions.length > 0) {
        lines.push('', `#### ${l.questions}`, '', ...f.questions.map((q) => `- ${questionLine(l, q)}`));
      }
      lines.push('', `#### ${l.sources}`, '', ...f.sources.map((s) => `- ${sourceLine(l, s)}`), '');
    }
  }
  return `${lines.join('\n').trim()}\n`;
}

// ---- CSV ----------------------------------------------------------------------------

/**
 * A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a leading tab
 * or carriage return) gets a leading apostrophe, so it is shown as the text it is.
 */
export function neutraliseFormula(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Semicolon-separated with a byte-order mark: what Excel with Danish settings opens
 * into columns (a comma is the decimal separator there) and reads as UTF-8 (æ, ø, å).
 */
export function catalogCsv(data: CatalogExport): string {
  const { header, rows } = spreadsheet(data);
  const safe = [header, ...rows].map((row) => row.map(neutraliseFormula));
  return `\ufeff${stringify(safe, { delimiter: ';', record_delimiter: 'windows' })}`;
}
