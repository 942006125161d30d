/**
 * What a post says about the idea catalog, and what the "Take into catalog…"
 * select offers. Plain data over the post's `ideaId` and the catalog's ideas
 * (only leaders and facilitators can read the catalog doc; everyone else gets
 * `null` for the ideas).
 */

/** An idea as the questions page needs it. */
export interface CatalogIdea {
  id: string;
  title: string;
}

/**
 * The badge on a post: none when it is not linked; the idea's title when the
 * reader knows it; otherwise just "In the catalog" (participants, a catalog not
 * synced yet, or an idea that has since left the catalog).
 */
export type CatalogBadge = { kind: 'none' } | { kind: 'titled'; title: string } | { kind: 'untitled' };

export function catalogBadge(ideaId: string | null, ideas: readonly CatalogIdea[] | null): CatalogBadge {
  if (ideaId === null) return { kind: 'none' };
  const idea = ideas?.find((candidate) => candidate.id === ideaId);
  const title = idea?.title.trim();
  return title ? { kind: 'titled', title } : { kind: 'untitled' };
}

/** The select's options: every idea but the one the post is already linked to, untitled ones named by a fallback. */
export function ideaChoices(
  ideas: readonly CatalogIdea[],
  currentIdeaId: string | null,
  untitled: string,
): CatalogIdea[] {
  return ideas
    .filter((idea) => idea.id !== currentIdeaId)
    .map((idea) => ({ id: idea.id, title: idea.title.trim() || untitled }));
}

/** The chosen idea if it is still offered, else the first choice, else '' (nothing to choose). */
export function keepChoice(chosen: string, choices: readonly CatalogIdea[]): string {
  if (choices.some((idea) => idea.id === chosen)) return chosen;
  return choices[0]?.id ?? '';
}

/** Ideas compared by what the page shows, so a re-read of an unchanged catalog keeps its identity. */
export function sameIdeas(a: readonly CatalogIdea[] | null, b: readonly CatalogIdea[] | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.length !== b.length) return false;
  return a.every((idea, index) => idea.id === b[index]?.id && idea.title === b[index]?.title);
}
