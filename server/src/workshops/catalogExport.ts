import type { AssessmentView, Decision, IdeaView } from '@samle/shared';
import { stringify } from 'csv-stringify/sync';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

/**
 * The catalog as documents a city council case can be built on: Markdown, CSV
 * and DOCX, each with the decision, rationale, timeline and the sources. Labels
 * are in the workshop's language.
 */
export interface CatalogExport {
  workshopTitle: string;
  language: 'da' | 'en';
  ideas: IdeaView[];
  assessments: Map<string, AssessmentView>;
}

const labels = {
  da: {
    catalog: 'Idékatalog',
    decision: 'Beslutning',
    rationale: 'Begrundelse',
    rank: 'Prioritet',
    timeline: 'Tidsplan',
    owner: 'Ansvarlig',
    sources: 'Oprindelse',
    none: 'Ikke vurderet',
    anonymous: 'anonym',
    decisions: { start_now: 'Sættes i gang straks', council: 'Sendes til byrådsbeslutning', on_hold: 'Afventer' },
    idea: 'Idé',
  },
  en: {
    catalog: 'Idea catalog',
    decision: 'Decision',
    rationale: 'Rationale',
    rank: 'Priority',
    timeline: 'Timeline',
    owner: 'Owner',
    sources: 'Sources',
    none: 'Not assessed',
    anonymous: 'anonymous',
    decisions: { start_now: 'Start now', council: 'City council decision', on_hold: 'On hold' },
    idea: 'Idea',
  },
} as const;

/** Ideas with a rank first (by rank), then the rest in catalog order. */
function ordered(data: CatalogExport): IdeaView[] {
  const rank = (idea: IdeaView) => data.assessments.get(idea.id)?.rank ?? Number.POSITIVE_INFINITY;
  return data.ideas
    .map((idea, index) => ({ idea, index }))
    .sort((a, b) => rank(a.idea) - rank(b.idea) || a.index - b.index)
    .map((x) => x.idea);
}

function facts(data: CatalogExport, idea: IdeaView) {
  const l = labels[data.language];
  const a = data.assessments.get(idea.id);
  const decision = a?.decision ? l.decisions[a.decision as Decision] : l.none;
  const timeline = a?.startMonth || a?.endMonth ? `${a?.startMonth ?? '…'} – ${a?.endMonth ?? '…'}` : '';
  const sources = idea.provenance.map((s) =>
    [
      `“${s.text}”`,
      [s.sessionTitle, s.tableName ?? s.boardTitle].filter(Boolean).join(', '),
      s.authorName ?? l.anonymous,
    ].join(' — '),
  );
  return { decision, rationale: a?.rationale ?? '', rank: a?.rank ?? null, timeline, owner: a?.owner ?? '', sources };
}

export function catalogMarkdown(data: CatalogExport): string {
  const l = labels[data.language];
  const lines = [`# ${l.catalog}: ${data.workshopTitle}`, ''];
  for (const idea of ordered(data)) {
    const f = facts(data, idea);
    lines.push(`## ${idea.title}`, '', `- **${l.decision}:** ${f.decision}`);
    if (f.rank !== null) lines.push(`- **${l.rank}:** ${f.rank}`);
    if (f.timeline) lines.push(`- **${l.timeline}:** ${f.timeline}`);
    if (f.owner) lines.push(`- **${l.owner}:** ${f.owner}`);
    if (f.rationale) lines.push('', `**${l.rationale}:** ${f.rationale}`);
    lines.push('', `**${l.sources}:**`, '', ...f.sources.map((s) => `- ${s}`), '');
  }
  return `${lines.join('\n').trim()}\n`;
}

export function catalogCsv(data: CatalogExport): string {
  const l = labels[data.language];
  const rows = ordered(data).map((idea) => {
    const f = facts(data, idea);
    return [idea.title, f.decision, f.rank ?? '', f.timeline, f.owner, f.rationale, f.sources.join('\n')];
  });
  return `\ufeff${stringify([[l.idea, l.decision, l.rank, l.timeline, l.owner, l.rationale, l.sources], ...rows])}`;
}

export async function catalogDocx(data: CatalogExport): Promise<Buffer> {
  const l = labels[data.language];
  const children: Paragraph[] = [
    new Paragraph({ text: `${l.catalog}: ${data.workshopTitle}`, heading: HeadingLevel.TITLE }),
  ];
  const fact = (label: string, value: string) =>
    new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
  for (const idea of ordered(data)) {
    const f = facts(data, idea);
    children.push(new Paragraph({ text: idea.title, heading: HeadingLevel.HEADING_1 }), fact(l.decision, f.decision));
    if (f.rank !== null) children.push(fact(l.rank, String(f.rank)));
    if (f.timeline) children.push(fact(l.timeline, f.timeline));
    if (f.owner) children.push(fact(l.owner, f.owner));
    if (f.rationale) children.push(fact(l.rationale, f.rationale));
    children.push(new Paragraph({ text: l.sources, heading: HeadingLevel.HEADING_2 }));
    for (const source of f.sources) children.push(new Paragraph({ text: source, bullet: { level: 0 } }));
  }
  return Packer.toBuffer(
    new Document({ creator: 'Samle', title: `${l.catalog}: ${data.workshopTitle}`, sections: [{ children }] }),
  );
}
