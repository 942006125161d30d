import { type InlineRun, type MarkdownBlock, markdownBlocks } from '@samle/shared';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  type CatalogExport,
  exportDate,
  groups,
  hours,
  type IdeaFacts,
  type Labels,
  labels,
  money,
  placeOf,
  questionLine,
  totalsOf,
  xmlSafeExport,
} from './exportData.js';

/**
 * The catalog as a Word document a city council case can be built on: a title
 * page, an overview table and the estimates summed per decision, then per
 * decision, in priority order, each idea with its decision, rationale, estimates,
 * timeline, owner, related ideas, description, linked questions and the notes it
 * came from with their dot votes. Every string is made XML-safe first.
 */

const ORDERED = 'samle-ordered';
const ACCENT = { start_now: '1E7B4F', council: '2B5FA8', on_hold: 'A86B12' } as const;

function runs(items: readonly InlineRun[]): Array<TextRun | ExternalHyperlink> {
  return items.map((run) => {
    const text = new TextRun({
      text: run.text,
      bold: run.bold,
      italics: run.italic,
      strike: run.strike,
      font: run.code ? 'Consolas' : undefined,
      style: run.href ? 'Hyperlink' : undefined,
      break: run.text === '\n' ? 1 : undefined,
    });
    return run.href ? new ExternalHyperlink({ link: run.href, children: [text] }) : text;
  });
}

/** Markdown blocks as DOCX paragraphs; each ordered list restarts its numbering. */
function markdownParagraphs(markdown: string, counter: { instance: number }): Paragraph[] {
  const out: Paragraph[] = [];
  const walk = (blocks: MarkdownBlock[], level: number) => {
    for (const block of blocks) {
      if (block.kind === 'paragraph') out.push(new Paragraph({ children: runs(block.runs) }));
      else if (block.kind === 'heading')
        out.push(new Paragraph({ children: runs(block.runs.map((r) => ({ ...r, bold: true }))) }));
      else if (block.kind === 'quote')
        out.push(
          new Paragraph({ indent: { left: 400 }, children: runs(block.runs.map((r) => ({ ...r, italic: true }))) }),
        );
      else {
        const instance = counter.instance++;
        for (const item of block.items) {
          out.push(
            new Paragraph({
              children: runs(item.runs),
              ...(block.ordered
                ? { numbering: { reference: ORDERED, level: Math.min(level, 2), instance } }
                : { bullet: { level: Math.min(level, 2) } }),
            }),
          );
          walk(item.children, level + 1);
        }
      }
    }
  };
  walk(markdownBlocks(markdown), 0);
  return out;
}

function fact(label: string, value: string): Paragraph {
  return new Paragraph({
    spacing: { after: 40 },
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
  });
}

function cellOf(text: string, header = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E4DC' } : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
  });
}

function overviewTable(l: Labels, all: IdeaFacts[]): Table {
  const header = [l.rank, l.idea, l.decision, l.timeline, l.owner, l.votes, l.supports];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cellOf(h, true)) }),
      ...all.map(
        (f) =>
          new TableRow({
            children: [
              String(f.rank ?? ''),
              f.idea.title,
              f.decision,
              f.timeline,
              f.owner,
              String(f.voteTotal),
              String(f.supports),
            ].map((text) => cellOf(text)),
          }),
      ),
    ],
  });
}

function totalsTable(l: Labels, data: ReturnType<typeof totalsOf>): Table {
  const header = [l.decision, l.ideas, l.oneOff, l.yearly, l.hours];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cellOf(h, true)) }),
      ...data.map(
        (t) =>
          new TableRow({
            children: [
              t.label,
              String(t.ideas),
              money(l, t.oneOffDkk),
              money(l, t.yearlyDkk),
              hours(l, t.staffHours),
            ].map((text) => cellOf(text)),
          }),
      ),
    ],
  });
}

/** `after`: sections appended at the end (what became of the decisions), made XML-safe by whoever made them. */
export async function catalogDocx(unsafe: CatalogExport, after: readonly Paragraph[] = []): Promise<Buffer> {
  const data = xmlSafeExport(unsafe);
  const l = labels[data.language];
  const all = groups(data);
  const counter = { instance: 1 };
  const title: Array<Paragraph | Table> = [
    new Paragraph({ spacing: { before: 2400 } }),
    new Paragraph({
      text: data.internal ? l.internalCatalog : l.catalog,
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240 },
      children: [new TextRun({ text: data.workshopTitle, size: 36 })],
    }),
  ];
  if (data.organisation)
    title.push(
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: data.organisation })] }),
    );
  title.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 480 },
      children: [
        new TextRun({ text: `${l.exported} ${exportDate(data)} · ${l.ideaCount(data.ideas.length)}`, color: '666666' }),
      ],
    }),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ text: l.overview, heading: HeadingLevel.HEADING_1 }),
    overviewTable(
      l,
      all.flatMap((g) => g.items),
    ),
    new Paragraph({ text: l.totals, heading: HeadingLevel.HEADING_2, spacing: { before: 360 } }),
    totalsTable(l, totalsOf(all)),
  );

  const body: Paragraph[] = [];
  for (const group of all) {
    body.push(
      new Paragraph({
        text: group.label,
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        border: group.decision
          ? { bottom: { style: BorderStyle.SINGLE, size: 12, color: ACCENT[group.decision], space: 4 } }
          : undefined,
      }),
    );
    for (const f of group.items) {
      body.push(new Paragraph({ text: f.idea.title, heading: HeadingLevel.HEADING_2 }), fact(l.decision, f.decision));
      if (f.rank !== null) body.push(fact(l.rank, String(f.rank)));
      if (f.timeline) body.push(fact(l.timeline, f.timeline));
      if (f.owner) body.push(fact(l.owner, f.owner));
      if (f.oneOffDkk !== null) body.push(fact(l.oneOff, money(l, f.oneOffDkk)));
      if (f.yearlyDkk !== null) body.push(fact(l.yearly, money(l, f.yearlyDkk)));
      if (f.staffHours !== null) body.push(fact(l.hours, hours(l, f.staffHours)));
      body.push(fact(l.votes, String(f.voteTotal)), fact(l.supports, String(f.supports)));
      if (f.related.length > 0) body.push(fact(l.related, f.related.join('; ')));
      if (f.rationale.trim()) {
        body.push(new Paragraph({ text: l.rationale, heading: HeadingLevel.HEADING_3 }));
        body.push(...markdownParagraphs(f.rationale, counter));
      }
      if (f.internalNote.trim()) {
        body.push(new Paragraph({ text: l.internalNote, heading: HeadingLevel.HEADING_3 }));
        body.push(...markdownParagraphs(f.internalNote, counter));
      }
      if (f.description.trim()) {
        body.push(new Paragraph({ text: l.description, heading: HeadingLevel.HEADING_3 }));
        body.push(...markdownParagraphs(f.description, counter));
      }
      if (f.questions.length > 0) {
        body.push(new Paragraph({ text: l.questions, heading: HeadingLevel.HEADING_3 }));
        for (const q of f.questions) body.push(new Paragraph({ bullet: { level: 0 }, text: questionLine(l, q) }));
      }
      body.push(new Paragraph({ text: l.sources, heading: HeadingLevel.HEADING_3 }));
      for (const { source, votes } of f.sources) {
        body.push(
          new Paragraph({
            bullet: { level: 0 },
            children: [
              new TextRun({ text: `“${source.text}”`, italics: true }),
              new TextRun(` — ${placeOf(source)} — ${source.authorName ?? l.anonymous}`),
              ...(votes > 0 ? [new TextRun({ text: ` — ${l.voteCount(votes)}`, bold: true })] : []),
            ],
          }),
        );
      }
    }
  }

  return Packer.toBuffer(
    new Document({
      creator: 'Samle',
      title: `${data.internal ? l.internalCatalog : l.catalog}: ${data.workshopTitle}`,
      numbering: {
        config: [
          {
            reference: ORDERED,
            levels: [0, 1, 2].map((level) => ({
              level,
              format: LevelFormat.DECIMAL,
              text: `%${level + 1}.`,
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
            })),
          },
        ],
      },
      sections: [{ children: [...title, ...body, ...after] }],
    }),
  );
}
