import { REPORT_WORDS, type ReportWords, type SessionReport } from '@samle/shared';
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { WORKSHOP_TIME_ZONE } from './sessionWindow.js';

/**
 * The session report as a Word document in the workshop's language: a heading with
 * date and place, the agenda with planned and actual times, attendance per table,
 * each board's themes with their notes and votes, the questions with answers and
 * response times, the evaluation's averages and the ideas with their decisions.
 */
export async function sessionReportDocx(report: SessionReport): Promise<Buffer> {
  const l = REPORT_WORDS[report.language];
  const clock = (at: number) =>
    new Intl.DateTimeFormat(l.locale, { timeZone: WORKSHOP_TIME_ZONE, hour: '2-digit', minute: '2-digit' }).format(at);
  const day = (at: number) =>
    new Intl.DateTimeFormat(l.locale, { timeZone: WORKSHOP_TIME_ZONE, dateStyle: 'long' }).format(at);
  const s = report.session;
  const children: Array<Paragraph | Table> = [
    new Paragraph({ text: `${l.report}: ${s.title}`, heading: HeadingLevel.TITLE }),
    new Paragraph({
      children: [new TextRun({ text: [report.workshopTitle, report.organisation].filter(Boolean).join(' · ') })],
    }),
    fact(l.date, [s.date ? day(Date.parse(`${s.date}T12:00:00Z`)) : '–', s.startTime ?? ''].join(' ').trim()),
  ];
  if (s.place) children.push(fact(l.place, s.place));

  children.push(heading(l.agenda));
  children.push(
    table(
      [l.agenda, l.planned, l.ran],
      report.agenda.map((item) => [
        item.title,
        l.minutes(item.minutes),
        item.startedAt === null
          ? l.notRun
          : `${clock(item.startedAt)}–${item.endedAt === null ? '' : clock(item.endedAt)}`,
      ]),
    ),
  );

  const a = report.attendance;
  children.push(heading(l.attendance), new Paragraph({ text: l.present(a.total) }));
  const rows = a.tables.map((t) => [t.name, String(t.count), t.names ? t.names.join(', ') : l.anonymous]);
  if (a.unseated.count > 0)
    rows.push([l.noTable, String(a.unseated.count), a.unseated.names?.join(', ') ?? l.anonymous]);
  if (rows.length > 0) children.push(table([l.table, l.people, l.names], rows));
  if (a.lateJoiners.length > 0) {
    const late = a.lateJoiners.map((p) => `${p.name ?? l.anonymous} (${clock(p.joinedAt)})`).join(', ');
    children.push(fact(l.lateJoiners, late));
  }

  children.push(heading(l.boards));
  for (const board of report.boards) {
    children.push(new Paragraph({ text: board.title, heading: HeadingLevel.HEADING_2 }));
    if (board.themes.length === 0) children.push(new Paragraph({ text: l.noNotes }));
    for (const theme of board.themes) {
      const title = theme.title ?? l.noTheme;
      children.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_3,
          children: [
            new TextRun({ text: title }),
            ...(board.voted ? [new TextRun({ text: ` · ${l.votes(theme.votes)}`, color: '555555' })] : []),
          ],
        }),
      );
      for (const note of theme.notes) {
        const extra = [board.voted ? l.votes(note.votes) : '', note.author ?? ''].filter(Boolean).join(' · ');
        children.push(
          new Paragraph({
            bullet: { level: 0 },
            children: [
              new TextRun({ text: note.text }),
              ...(extra ? [new TextRun({ text: ` (${extra})`, color: '555555' })] : []),
            ],
          }),
        );
      }
    }
  }

  children.push(heading(l.questions));
  if (report.questions.length === 0) children.push(new Paragraph({ text: l.noQuestions }));
  for (const q of report.questions) {
    children.push(
      new Paragraph({
        spacing: { before: 160 },
        children: [
          new TextRun({ text: q.text, bold: true }),
          new TextRun({ text: ` (${[q.askedBy, clock(q.askedAt)].filter(Boolean).join(', ')})`, color: '555555' }),
        ],
      }),
    );
    if (q.answer === null || q.responseMinutes === null) {
      children.push(new Paragraph({ children: [new TextRun({ text: l.unanswered, italics: true })] }));
    } else {
      children.push(
        new Paragraph({ children: [new TextRun({ text: `${l.answer}: `, bold: true }), new TextRun(q.answer)] }),
        new Paragraph({
          children: [new TextRun({ text: l.answeredAfter(q.answeredBy ?? '', q.responseMinutes), color: '555555' })],
        }),
      );
    }
  }

  if (report.evaluation) {
    const e = report.evaluation;
    children.push(heading(l.evaluation), new Paragraph({ text: l.responses(e.responses) }));
    children.push(
      table(
        [l.evaluation, l.average],
        e.ratings.map((r) => [r.label, r.average === null ? '–' : decimal(r.average, l)]),
      ),
    );
    if (e.comments.length > 0) {
      children.push(new Paragraph({ text: l.comments, heading: HeadingLevel.HEADING_3 }));
      for (const comment of e.comments) children.push(new Paragraph({ text: comment, bullet: { level: 0 } }));
    }
  }

  children.push(heading(l.ideas));
  if (report.ideas.length === 0) children.push(new Paragraph({ text: l.noIdeas }));
  else
    children.push(
      table(
        [l.ideas, l.decision, l.sources],
        report.ideas.map((idea) => [
          idea.title,
          idea.decision ? l.decisions[idea.decision] : l.undecided,
          String(idea.sources),
        ]),
      ),
    );

  children.push(
    new Paragraph({
      spacing: { before: 480 },
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: `${l.generated} ${day(report.generatedAt)}`, color: '777777', size: 18 })],
    }),
  );
  const document = new Document({
    creator: 'Samle',
    title: `${l.report}: ${s.title}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

function heading(text: string): Paragraph {
  return new Paragraph({ text, heading: HeadingLevel.HEADING_1, spacing: { before: 360 } });
}

function fact(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
}

function decimal(value: number, l: ReportWords): string {
  return new Intl.NumberFormat(l.locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);
}

function table(head: string[], rows: string[][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' };
  const cell = (text: string, header: boolean) =>
    new TableCell({
      borders: { top: border, bottom: border, left: border, right: border },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'EEF2F0', color: 'auto' } } : {}),
      children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((text) => cell(text, false)) })),
    ],
  });
}
