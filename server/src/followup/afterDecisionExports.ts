import { HeadingLevel, Paragraph, TextRun } from 'docx';
import type ExcelJS from 'exceljs';
import { xmlSafe } from '../catalog/exportData.js';
import {
  afterDecisionWords,
  type DecisionAfterFacts,
  latestUpdate,
  nextMilestone,
  pulseScores,
  statusText,
} from './afterDecisionFacts.js';

/**
 * What became of the decisions in the catalog's DOCX and XLSX exports, as in the
 * Markdown one: per decision its follow-up (status, progress, owner, milestones,
 * latest update), each pulse's averages and the places its notes came from. Every
 * string is made XML-safe (a follow-up's text is typed by people). Nothing while no
 * decision has a follow-up or a pulse.
 */
export function afterDecisionParagraphs(facts: readonly DecisionAfterFacts[], language: 'da' | 'en'): Paragraph[] {
  if (facts.length === 0) return [];
  const w = afterDecisionWords[language];
  const fact = (label: string, value: string) =>
    new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(xmlSafe(value))] });
  const out = [new Paragraph({ text: w.heading, heading: HeadingLevel.HEADING_1, pageBreakBefore: true })];
  for (const idea of facts) {
    out.push(new Paragraph({ text: xmlSafe(idea.title), heading: HeadingLevel.HEADING_2 }));
    const { followUp } = idea;
    if (followUp) {
      out.push(fact(w.statusLabel, `${statusText(w, followUp)}, ${followUp.percent} %`));
      if (followUp.owner) out.push(fact(w.owner, followUp.owner));
      for (const m of followUp.milestones) {
        out.push(new Paragraph({ bullet: { level: 0 }, text: xmlSafe(`${m.done ? '☑' : '☐'} ${m.date} ${m.title}`) }));
      }
      const latest = latestUpdate(followUp);
      if (latest) out.push(fact(w.latest, latest));
    }
    for (const pulse of idea.pulses) out.push(fact(w.pulse(pulse.opensOn, pulse.closesOn), pulseScores(w, pulse)));
    if (idea.places.length > 0) out.push(fact(w.sources, idea.places.join(' · ')));
  }
  return out;
}

/** A sheet with a row per decision and pulse (one row for a decision without a pulse), averages as numbers; none while nothing is followed. */
export function addAfterDecisionSheet(
  book: ExcelJS.Workbook,
  facts: readonly DecisionAfterFacts[],
  language: 'da' | 'en',
): void {
  if (facts.length === 0) return;
  const w = afterDecisionWords[language];
  const sheet = book.addWorksheet(w.heading.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([
    w.idea,
    w.statusLabel,
    w.progress,
    w.owner,
    w.nextMilestone,
    w.latest,
    w.pulseLabel,
    w.happened,
    w.helped,
    w.answersLabel,
    w.sources,
  ]).font = { bold: true };
  for (const idea of facts) {
    const f = idea.followUp;
    const common = [
      xmlSafe(idea.title),
      f ? statusText(w, f) : '',
      f ? f.percent : '',
      xmlSafe(f?.owner ?? ''),
      xmlSafe(nextMilestone(f)),
      xmlSafe(latestUpdate(f)),
    ];
    const places = xmlSafe(idea.places.join('\n'));
    if (idea.pulses.length === 0) sheet.addRow([...common, null, null, null, null, places]);
    for (const p of idea.pulses) {
      sheet.addRow([...common, `${p.opensOn}–${p.closesOn}`, p.happened, p.helped, p.answers, places]);
    }
  }
  const widths = [40, 16, 12, 22, 36, 50, 24, 12, 12, 10, 50];
  sheet.columns.forEach((column, index) => {
    column.width = widths[index] ?? 20;
    column.alignment = { vertical: 'top', wrapText: true };
  });
  for (const index of [8, 9]) sheet.getColumn(index).numFmt = '0.00';
}
