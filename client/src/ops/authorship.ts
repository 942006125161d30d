import type { Identity } from '../presence/identity';

/**
 * The author fields a new note (or copy) gets. On an anonymous board none are
 * written at all — hiding them in the UI would not be enough, since everyone
 * on the board receives the doc.
 */
export function noteAuthor(
  identity: Pick<Identity, 'userId' | 'name'>,
  anonymous: boolean,
): { authorId?: string; authorName?: string } {
  if (anonymous) return {};
  return { authorId: identity.userId, ...(identity.name ? { authorName: identity.name } : {}) };
}
