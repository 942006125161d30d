import {
  type AssessmentView,
  type Decision,
  type DecisionGroup,
  groupByDecision,
  type IdeaView,
  type InlineRun,
  type MarkdownBlock,
  markdownBlocks,
  markdownPlainText,
  type Source,
} from '@samle/shared';
import { stringify } from 'csv-stringify/sync';
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

/**
 * The catalog as documents a city council case can be built on: DOCX (a title
 * page, an overview table, then per decision, in priority order, each idea with
 * its decision, rationale, timeline, owner, related ideas, description and the
 * notes it came from), and Markdown and CSV with the same content. Labels are in
 * the workshop's language; rationales and descriptions are Markdown.
 */
export interface CatalogExport {
  workshopTitle: string;
  organisation: string;
  language: 'da' | 'en';
  exportedAt: Date;
  ideas: IdeaView[];
  assessments: Map<string, AssessmentView>;
  /** Markdown per idea id. */
  descriptions: Map<string, string>;
}

const labels = {
  da: {
    catalog: 'Idékatalog',
    overview: 'Overblik',
    decision: 'Beslutning',
    rationale: 'Begrundelse',
    rank: 'Prioritet',
    timeline: 'Tidsplan',
    owner: 'Ansvarlig',
    related: 'Relaterede idéer',
    description: 'Beskrivelse',
    sources: 'Oprindelse',
    none: 'Ikke vurderet',
    anonymous: 'anonym',
    exported: 'Eksporteret',
    ideaCount: (n: number) => (n === 1 ? '1 idé' : `${n} idéer`),
    decisions: { start_now: 'Sættes i gang straks', council: 'Sendes til byrådsbeslutning', on_hold: 'Afventer' },
    undecided: 'Endnu ikke besluttet',
    idea: 'Idé',
    board: 'Tavle',
    table: 'Bord',
    session: 'Workshop',
    author: 'Forfatter',
    note: 'Note',
    locale: 'da-DK',
  },
  en: {
    catalog: 'Idea catalog',
    overview: 'Overview',
    decision: 'Decision',
    rationale: 'Rationale',
    rank: 'Priority',
    timeline: 'Timeline',
    owner: 'Owner',
    related: 'Related ideas',
    description: 'Description',
    sources: 'Sources',
    none: 'Not assessed',
    anonymous: 'anonymous',
    exported: 'Exported',
    ideaCount: (n: number) => (n === 1 ? '1 idea' : `${n} ideas`),
    decisions: { start_now: 'Start now', council: 'City council decision', on_hold: 'On hold' },
    undecided: 'Not decided yet',
    idea: 'Idea',
    board: 'Board',
    table: 'Table',
    session: 'Session',
    author: 'Author',
    note: 'Note',
    locale: 'en-GB',
  },
} as const;

type Labels = (typeof labels)[keyof typeof labels];

/** "2027-03" as "marts 2027" / "March 2027". */
export function monthLabel(month: string, locale: string): string {
  const [year, m] = month.split('-').map(Number);
  if (!year || !m) return month;
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, m - 1, 1)),
  );
}

interface IdeaFacts {
  idea: IdeaView;
  decision: string;
  rank: number | null;
  timeline: string;
  owner: string;
  related: string[];
  rationale: string;
  description: string;
  sources: Source[];
}

function groupLabel(l: Labels, decision: Decision | null): string {
  return decision ? l.decisions[decision] : l.undecided;
}

function factsOf(data: CatalogExport, l: Labels, idea: IdeaView): IdeaFacts {
  const a = data.assessments.get(idea.id);
  const month = (m: string | null | undefined) => (m ? monthLabel(m, l.locale) : '…');
  const titles = new Map(data.ideas.map((i) => [i.id, i.title]));
  return {
    idea,
    decision: a?.decision ? l.decisions[a.decision] : l.none,
    rank: a?.rank ?? null,
    timeline: a?.startMonth || a?.endMonth ? `${month(a?.startMonth)} – ${month(a?.endMonth)}` : '',
    owner: a?.owner ?? '',
    related: (a?.related ?? []).map((id) => titles.get(id)).filter((t): t is string => Boolean(t)),
    rationale: a?.rationale ?? '',
    description: data.descriptions.get(idea.id) ?? '',
    sources: idea.provenance,
  };
}

function groups(data: CatalogExport): Array<DecisionGroup<IdeaFacts> & { label: string }> {
  const l = labels[data.language];
  return groupByDecision(data.ideas, (idea) => data.assessments.get(idea.id))
    .filter((group) => group.items.length > 0)
    .map((group) => ({
      decision: group.decision,
      label: groupLabel(l, group.decision),
      items: group.items.map((idea) => factsOf(data, l, idea)),
    }));
}

/** "Table 3, Employee day 1" or "Plenum, Employee day 1" — where a note was; the board's title when it says more. */
function placeOf(source: Source): string {
  const where = [source.tableName ?? source.boardTitle, source.sessionTitle].filter(Boolean).join(', ');
  const boardSaysMore = source.tableName !== null && !source.boardTitle.includes(source.tableName);
  return boardSaysMore ? `${where} (${source.boardTitle})` : where;
}

function sourceLine(l: Labels, source: Source): string {
  return `“${source.text}” — ${placeOf(source)} — ${source.authorName ?? l.anonymous}`;
}

function exportDate(data: CatalogExport): string {
  const l = labels[data.language];
  return new Intl.DateTimeFormat(l.locale, { dateStyle: 'long' }).format(data.exportedAt);
}

// ---- Markdown ---------------------------------------------------------------------

export function catalogMarkdown(data: CatalogExport): string {
  const l = labels[data.language];
  const all = groups(data);
  const lines = [`# ${l.catalog}: ${data.workshopTitle}`, ''];
  if (data.organisation) lines.push(data.organisation, '');
  lines.push(`${l.exported} ${exportDate(data)} · ${l.ideaCount(data.ideas.length)}`, '');
  lines.push(`## ${l.overview}`, '', `| ${l.rank} | ${l.idea} | ${l.decision} | ${l.timeline} | ${l.owner} |`);
  lines.push('|---|---|---|---|---|');
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  for (const f of all.flatMap((g) => g.items)) {
    lines.push(
      `| ${f.rank ?? ''} | ${cell(f.idea.title)} | ${cell(f.decision)} | ${cell(f.timeline)} | ${cell(f.owner)} |`,
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
      if (f.related.length > 0) lines.push(`- **${l.related}:** ${f.related.join('; ')}`);
      if (f.rationale) lines.push('', `#### ${l.rationale}`, '', f.rationale.trim());
      if (f.description) lines.push('', `#### ${l.description}`, '', f.description.trim());
      lines.push('', `#### ${l.sources}`, '', ...f.sources.map((s) => `- ${sourceLine(l, s)}`), '');
    }
  }
  return `${lines.join('\n').trim()}\n`;
}

// ---- CSV ----------------------------------------------------------------------------

export function catalogCsv(data: CatalogExport): string {
  const l = labels[data.language];
  const rows = groups(data)
    .flatMap((g) => g.items)
    .map((f) => [
      f.idea.title,
      f.decision,
      f.rank ?? '',
      f.timeline,
      f.owner,
      f.related.join('; '),
      markdownPlainText(f.rationale),
      markdownPlainText(f.description),
      f.sources.map((s) => sourceLine(l, s)).join('\n'),
    ]);
  const header = [l.idea, l.decision, l.rank, l.timeline, l.owner, l.related, l.rationale, l.description, l.sources];
  // The byte-order mark makes Excel read the file as UTF-8 (æ, ø, å).
  return `\ufeff${stringify([header, ...rows])}`;
}

// ---- DOCX ---------------------------------------------------------------------------

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
  const header = [l.rank, l.idea, l.decision, l.timeline, l.owner];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cellOf(h, true)) }),
      ...all.map(
        (f) =>
          new TableRow({
            children: [String(f.rank ?? ''), f.idea.title, f.decision, f.timeline, f.owner].map((text) => cellOf(text)),
          }),
      ),
    ],
  });
}

export async function catalogDocx(data: CatalogExport): Promise<Buffer> {
  const l = labels[data.language];
  const all = groups(data);
  const counter = { instance: 1 };
  const title: Array<Paragraph | Table> = [
    new Paragraph({ spacing: { before: 2400 } }),
    new Paragraph({ text: l.catalog, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
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
      if (f.related.length > 0) body.push(fact(l.related, f.related.join('; ')));
      if (f.rationale.trim()) {
        body.push(new Paragraph({ text: l.rationale, heading: HeadingLevel.HEADING_3 }));
        body.push(...markdownParagraphs(f.rationale, counter));
      }
      if (f.description.trim()) {
        body.push(new Paragraph({ text: l.description, heading: HeadingLevel.HEADING_3 }));
        body.push(...markdownParagraphs(f.description, counter));
      }
      body.push(new Paragraph({ text: l.sources, heading: HeadingLevel.HEADING_3 }));
      for (const source of f.sources) {
        body.push(
          new Paragraph({
            bullet: { level: 0 },
            children: [
              new TextRun({ text: `“${source.text}”`, italics: true }),
              new TextRun(` — ${placeOf(source)} — ${source.authorName ?? l.anonymous}`),
            ],
          }),
        );
      }
    }
  }

  return Packer.toBuffer(
    new Document({
      creator: 'Samle',
      title: `${l.catalog}: ${data.workshopTitle}`,
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
      sections: [{ children: [...title, ...body] }],
    }),
  );
}
