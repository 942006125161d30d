import { type IdeaView, type Source, type SourceStatus, similarTo, suggestGroups } from '@samle/shared';

/**
 * The catalog page's pure parts: what the list shows per idea without an
 * editor, where an idea moves when reordered, which ideas look alike. No DOM,
 * no Yjs writes: the components and `catalogEdits.ts` use these.
 */

/** The people an idea came from: distinct author names of its sources, anonymous ones left out. */
export function proposersOf(idea: Pick<IdeaView, 'provenance'>): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const source of idea.provenance) {
    const name = source.authorName?.trim();
    if (!name || seen.has(name.toLocaleLowerCase())) continue;
    seen.add(name.toLocaleLowerCase());
    names.push(name);
  }
  return names;
}

/** The text similarity looks at: the title and everything its sources said. */
export function ideaText(idea: Pick<IdeaView, 'title' | 'provenance'>): string {
  return [idea.title, ...idea.provenance.map((s) => s.text)].join('\n');
}

export interface SimilarIdea {
  id: string;
  score: number;
  /** Words the two share, strongest first. */
  terms: string[];
}

/**
 * For the list's "N similar" hint: the ideas that fall into one suggested group
 * with each idea (one pass over all texts, so a long catalog stays quick).
 * Nothing changes until someone merges.
 */
export function similarGroups(ideas: readonly IdeaView[]): Map<string, string[]> {
  const items = ideas.map((idea) => ({ id: idea.id, text: ideaText(idea) }));
  const out = new Map<string, string[]>();
  for (const group of suggestGroups(items)) {
    for (const id of group.ids)
      out.set(
        id,
        group.ids.filter((other) => other !== id),
      );
  }
  return out;
}

/** The ideas that read most like `idea`, with the words they share: merge suggestions for the open idea. */
export function similarToIdea(idea: IdeaView, ideas: readonly IdeaView[], limit = 3): SimilarIdea[] {
  const items = ideas.map((other) => ({ id: other.id, text: ideaText(other) }));
  return similarTo({ id: idea.id, text: ideaText(idea) }, items, { limit });
}

/** What similarity depends on, as one string: it changes with a title or a source, not with the order. */
export function similarityKey(ideas: readonly IdeaView[]): string {
  return JSON.stringify(ideas.map((idea) => `${idea.id}\u0000${ideaText(idea)}`).sort());
}

/**
 * Where `id` lands when moved by `delta` places in `ids` (the order as shown):
 * the index to move it to, or null when it cannot move that way.
 */
export function movedIndex(ids: readonly string[], id: string, delta: number): number | null {
  const from = ids.indexOf(id);
  if (from < 0) return null;
  const to = from + delta;
  if (to < 0 || to >= ids.length || to === from) return null;
  return to;
}

/** The shown order with `id` moved to index `to`. */
export function reordered(ids: readonly string[], id: string, to: number): string[] {
  const rest = ids.filter((x) => x !== id);
  const at = Math.max(0, Math.min(rest.length, to));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

export const sourceKey = (source: Pick<Source, 'boardId' | 'noteId'>): string => `${source.boardId}/${source.noteId}`;

/** The server's word on each source (`GET …/catalog/sources`), by idea and source. */
export function statusIndex(statuses: readonly SourceStatus[]): Map<string, SourceStatus> {
  return new Map(statuses.map((s) => [`${s.ideaId}:${sourceKey(s)}`, s]));
}

export function statusOf(
  index: ReadonlyMap<string, SourceStatus> | undefined,
  ideaId: string,
  source: Pick<Source, 'boardId' | 'noteId'>,
): SourceStatus | undefined {
  return index?.get(`${ideaId}:${sourceKey(source)}`);
}

/** How many of each idea's source notes are gone from their boards. */
export function deletedCounts(statuses: Iterable<SourceStatus>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of statuses) if (s.state === 'deleted') counts.set(s.ideaId, (counts.get(s.ideaId) ?? 0) + 1);
  return counts;
}

/** A split moves some sources to a new idea and leaves at least one behind. */
export function canSplit(total: number, chosen: number): boolean {
  return chosen > 0 && chosen < total;
}

/** Where a source sits, in words: table (or board), session and theme, whichever are known. */
export function sourcePlace(source: Source): { place: string; session: string | null; theme: string | null } {
  return {
    place: source.tableName ?? source.boardTitle,
    session: source.sessionTitle,
    theme: source.clusterTitle,
  };
}
