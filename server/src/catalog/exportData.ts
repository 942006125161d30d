import {
  type AssessmentView,
  DECISION_LABELS,
  type Decision,
  type DecisionGroup,
  groupByDecision,
  type IdeaEvidence,
  type IdeaView,
  type LinkedQuestion,
  markdownPlainText,
  type Source,
  sourceKey,
} from '@samle/shared';

/**
 * What every export of the catalog is built from, and the facts each format
 * shows per idea: decision, rationale, priority, timeline, owner, estimates,
 * related ideas, description, sources with their dot votes, linked questions and
 * participants' support. Labels are in the workshop's language; the decisions'
 * words are the UI's (shared/src/decisionLabels.ts). The leaders' internal note
 * is in a fact only when the export is the explicitly internal one.
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
  /** Votes, linked questions and supports per idea id. */
  evidence: Map<string, IdeaEvidence>;
  /** The internal export: with the leaders' internal notes. */
  internal: boolean;
}

export const labels = {
  da: {
    catalog: 'Idékatalog',
    internalCatalog: 'Idékatalog — internt, kun for ledelsen',
    overview: 'Overblik',
    totals: 'I alt pr. beslutning',
    decision: 'Beslutning',
    rationale: 'Begrundelse',
    rank: 'Prioritet',
    timeline: 'Tidsplan',
    owner: 'Ansvarlig',
    related: 'Relaterede idéer',
    description: 'Beskrivelse',
    sources: 'Oprindelse',
    anonymous: 'anonym',
    exported: 'Eksporteret',
    ideaCount: (n: number) => (n === 1 ? '1 idé' : `${n} idéer`),
    decisions: DECISION_LABELS.da,
    idea: 'Idé',
    ideas: 'Idéer',
    oneOff: 'Engangsudgift (kr.)',
    yearly: 'Årlig udgift (kr.)',
    hours: 'Personaletimer',
    votes: 'Prikstemmer',
    supports: 'Opbakning',
    questions: 'Spørgsmål og forslag',
    internalNote: 'Intern note (kun ledelsen)',
    fromQuestion: 'Taget ind fra spørgsmål',
    answer: 'Svar',
    voteCount: (n: number) => (n === 1 ? '1 stemme' : `${n} stemmer`),
    supportCount: (n: number) => (n === 1 ? '1 støtter' : `${n} støtter`),
    kinds: { question: 'Spørgsmål', proposal: 'Forslag' },
    file: 'idekatalog',
    internalFile: 'idekatalog-internt',
    locale: 'da-DK',
  },
  en: {
    catalog: 'Idea catalog',
    internalCatalog: 'Idea catalog — internal, management only',
    overview: 'Overview',
    totals: 'Totals per decision',
    decision: 'Decision',
    rationale: 'Rationale',
    rank: 'Priority',
    timeline: 'Timeline',
    owner: 'Owner',
    related: 'Related ideas',
    description: 'Description',
    sources: 'Sources',
    anonymous: 'anonymous',
    exported: 'Exported',
    ideaCount: (n: number) => (n === 1 ? '1 idea' : `${n} ideas`),
    decisions: DECISION_LABELS.en,
    idea: 'Idea',
    ideas: 'Ideas',
    oneOff: 'One-off cost (DKK)',
    yearly: 'Yearly cost (DKK)',
    hours: 'Staff hours',
    votes: 'Dot votes',
    supports: 'Support',
    questions: 'Questions and proposals',
    internalNote: 'Internal note (management only)',
    fromQuestion: 'Taken in from a question',
    answer: 'Answer',
    voteCount: (n: number) => (n === 1 ? '1 vote' : `${n} votes`),
    supportCount: (n: number) => (n === 1 ? '1 supporter' : `${n} supporters`),
    kinds: { question: 'Question', proposal: 'Proposal' },
    file: 'idea-catalog',
    internalFile: 'idea-catalog-internal',
    locale: 'en-GB',
  },
} as const;

export type Labels = (typeof labels)[keyof typeof labels];

/** "2027-03" as "marts 2027" / "March 2027". */
export function monthLabel(month: string, locale: string): string {
  const [year, m] = month.split('-').map(Number);
  if (!year || !m) return month;
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, m - 1, 1)),
  );
}

export interface SourceFacts {
  source: Source;
  votes: number;
}

export interface IdeaFacts {
  idea: IdeaView;
  decision: string;
  rank: number | null;
  timeline: string;
  owner: string;
  related: string[];
  rationale: string;
  description: string;
  sources: SourceFacts[];
  voteTotal: number;
  supports: number;
  questions: LinkedQuestion[];
  oneOffDkk: number | null;
  yearlyDkk: number | null;
  staffHours: number | null;
  /** Only in the internal export; empty otherwise. */
  internalNote: string;
}

export function factsOf(data: CatalogExport, l: Labels, idea: IdeaView): IdeaFacts {
  const a = data.assessments.get(idea.id);
  const evidence = data.evidence.get(idea.id);
  const month = (m: string | null | undefined) => (m ? monthLabel(m, l.locale) : '…');
  const titles = new Map(data.ideas.map((i) => [i.id, i.title]));
  return {
    idea,
    decision: a?.decision ? l.decisions[a.decision] : l.decisions.undecided,
    rank: a?.rank ?? null,
    timeline: a?.startMonth || a?.endMonth ? `${month(a?.startMonth)} – ${month(a?.endMonth)}` : '',
    owner: a?.owner ?? '',
    related: (a?.related ?? []).map((id) => titles.get(id)).filter((t): t is string => Boolean(t)),
    rationale: a?.rationale ?? '',
    description: data.descriptions.get(idea.id) ?? '',
    sources: idea.provenance.map((source) => ({ source, votes: evidence?.votes[sourceKey(source)] ?? 0 })),
    voteTotal: evidence?.voteTotal ?? 0,
    supports: evidence?.supports ?? 0,
    questions: evidence?.questions ?? [],
    oneOffDkk: a?.oneOffDkk ?? null,
    yearlyDkk: a?.yearlyDkk ?? null,
    staffHours: a?.staffHours ?? null,
    internalNote: data.internal ? (a?.internalNote ?? '') : '',
  };
}

export type FactGroup = DecisionGroup<IdeaFacts> & { label: string };

/** Ideas by decision, each group in priority order; empty groups left out. */
export function groups(data: CatalogExport): FactGroup[] {
  const l = labels[data.language];
  return groupByDecision(data.ideas, (idea) => data.assessments.get(idea.id))
    .filter((group) => group.items.length > 0)
    .map((group) => ({
      decision: group.decision,
      label: groupLabel(l, group.decision),
      items: group.items.map((idea) => factsOf(data, l, idea)),
    }));
}

function groupLabel(l: Labels, decision: Decision | null): string {
  return decision ? l.decisions[decision] : l.decisions.undecided;
}

export interface GroupTotals {
  label: string;
  ideas: number;
  oneOffDkk: number;
  yearlyDkk: number;
  staffHours: number;
}

/** Estimates summed per decision (ideas without an estimate count as zero). */
export function totalsOf(all: readonly FactGroup[]): GroupTotals[] {
  return all.map((group) => ({
    label: group.label,
    ideas: group.items.length,
    oneOffDkk: group.items.reduce((sum, f) => sum + (f.oneOffDkk ?? 0), 0),
    yearlyDkk: group.items.reduce((sum, f) => sum + (f.yearlyDkk ?? 0), 0),
    staffHours: group.items.reduce((sum, f) => sum + (f.staffHours ?? 0), 0),
  }));
}

/** "250.000 kr." / "DKK 250,000"; empty for no estimate. */
export function money(l: Labels, value: number | null): string {
  if (value === null) return '';
  const n = new Intl.NumberFormat(l.locale, { maximumFractionDigits: 0 }).format(value);
  return l.locale === 'da-DK' ? `${n} kr.` : `DKK ${n}`;
}

export function hours(l: Labels, value: number | null): string {
  return value === null ? '' : new Intl.NumberFormat(l.locale).format(value);
}

/** "Table 3, Employee day 1" or "Plenum, Employee day 1" — where a note was; the board's title when it says more. */
export function placeOf(source: Source): string {
  const where = [source.tableName ?? source.boardTitle, source.sessionTitle].filter(Boolean).join(', ');
  const boardSaysMore = source.tableName !== null && !source.boardTitle.includes(source.tableName);
  return boardSaysMore ? `${where} (${source.boardTitle})` : where;
}

export function sourceLine(l: Labels, { source, votes }: SourceFacts): string {
  const counted = votes > 0 ? ` — ${l.voteCount(votes)}` : '';
  return `“${source.text}” — ${placeOf(source)} — ${source.authorName ?? l.anonymous}${counted}`;
}

export function questionLine(l: Labels, q: LinkedQuestion): string {
  const from = q.isSource ? ` (${l.fromQuestion.toLowerCase()})` : '';
  const answer = q.answer ? ` — ${l.answer}: ${q.answer}` : '';
  return `${l.kinds[q.kind]}${from}: “${q.text}” — ${l.supportCount(q.supports)}${answer}`;
}

export function exportDate(data: CatalogExport): string {
  const l = labels[data.language];
  return new Intl.DateTimeFormat(l.locale, { dateStyle: 'long' }).format(data.exportedAt);
}

/** One row per idea for the spreadsheets (CSV and XLSX): the header, then the rows, in the same column order. */
export function spreadsheet(data: CatalogExport): { header: string[]; rows: Array<Array<string | number>> } {
  const l = labels[data.language];
  const header: string[] = [
    l.rank,
    l.idea,
    l.decision,
    l.rationale,
    l.timeline,
    l.owner,
    l.oneOff,
    l.yearly,
    l.hours,
    l.votes,
    l.supports,
    l.questions,
    l.description,
    l.sources,
    l.related,
  ];
  if (data.internal) header.push(l.internalNote);
  const rows = groups(data)
    .flatMap((g) => g.items)
    .map((f) => {
      const row: Array<string | number> = [
        f.rank ?? '',
        f.idea.title,
        f.decision,
        markdownPlainText(f.rationale),
        f.timeline,
        f.owner,
        f.oneOffDkk ?? '',
        f.yearlyDkk ?? '',
        f.staffHours ?? '',
        f.voteTotal,
        f.supports,
        f.questions.map((q) => questionLine(l, q)).join('\n'),
        markdownPlainText(f.description),
        f.sources.map((s) => sourceLine(l, s)).join('\n'),
        f.related.join('; '),
      ];
      if (data.internal) row.push(f.internalNote);
      return row;
    });
  return { header, rows };
}

/** The download's file name, in the workshop's language: `idekatalog-erhvervsservice.xlsx`. */
export function exportFileName(data: Pick<CatalogExport, 'language' | 'workshopTitle' | 'internal'>, ext: string) {
  const l = labels[data.language];
  const slug = data.workshopTitle
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${data.internal ? l.internalFile : l.file}${slug ? `-${slug}` : ''}.${ext}`;
}

/**
 * The text without the characters XML 1.0 does not allow: C0 controls other than tab,
 * LF and CR, U+FFFE and U+FFFF, and surrogates that are not part of a pair.
 */
export function xmlSafe(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text.slice(i, i + 2);
        i++;
      }
      continue;
    }
    const forbidden =
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) ||
      c === 0xfffe ||
      c === 0xffff ||
      (c >= 0xdc00 && c <= 0xdfff);
    if (!forbidden) out += text[i];
  }
  return out;
}

/**
 * The export's data with every string made safe for XML (DOCX and XLSX are XML
 * inside a zip: one control character in a note makes Word refuse the file).
 */
export function xmlSafeExport(data: CatalogExport): CatalogExport {
  return { ...data, ...(deepXmlSafe(data) as CatalogExport), exportedAt: data.exportedAt };
}

function deepXmlSafe(value: unknown): unknown {
  if (typeof value === 'string') return xmlSafe(value);
  if (Array.isArray(value)) return value.map(deepXmlSafe);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, deepXmlSafe(v)]));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepXmlSafe(v)]));
  }
  return value;
}
