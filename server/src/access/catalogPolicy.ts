import { CATEGORY_MAX, SERVER_IDEA_KEYS } from '@samle/shared';
import * as Y from 'yjs';
import type { GuardVerdict } from '../sync/types.js';
import { integrationRefusal, pathOf, type SharedType } from './shadowGuard.js';

const SERVER_KEYS = new Set<string>(SERVER_IDEA_KEYS);

/**
 * What a client may write to the catalog doc (`<workshop>-catalog`): titles,
 * categories and the order. Ideas are created, merged, split and deleted by
 * commands, and an idea's provenance is what the server read from the boards,
 * so an update that adds or removes an idea, or touches `provenance`,
 * `createdAt` or `mergedFrom` anywhere, is refused as a whole (close 4422).
 * So is one that leaves what every other client relies on broken: a title is
 * edited in place (never replaced or removed) and stays under
 * `CATALOG_TITLE_LIMIT` characters, a category is text of at most
 * `CATEGORY_MAX`, the order holds idea ids, and there is nothing else at the
 * root.
 *
 * The update is judged as it is integrated (shadowGuard.ts), which also bounds
 * nesting depth and fails closed. Returns why the update is refused, or null.
 */
export function catalogWriteRefusal(live: Y.Doc, update: Uint8Array): string | GuardVerdict | null {
  return integrationRefusal(live, update, {
    changed: (type, keys, transaction) => {
      const path = pathOf(type);
      return refusalFor(path, keys) ?? shapeRefusal(type, path, keys, transaction);
    },
  });
}

function refusalFor(path: Array<string | null>, keys: Set<string | null>): string | null {
  if (path[0] !== 'ideas') return null;
  if (path.length === 1) return 'ideas are added and removed with commands (gather, split, merge, delete)';
  if (path.length === 2) {
    const key = [...keys].find((k) => k !== null && SERVER_KEYS.has(k));
    return key ? `only the server writes an idea's "${key}"` : null;
  }
  const key = path[2];
  return key && SERVER_KEYS.has(key) ? `only the server writes an idea's "${key}"` : null;
}

/**
 * A title may grow past the field's 200 characters only when several people type
 * into it at once; this bound leaves room for that and none for filling it.
 */
export const CATALOG_TITLE_LIMIT = 1000;

const ROOTS = new Set(['ideas', 'order']);

/** Refuses what would break the catalog for everyone else, though it touches no server key. */
function shapeRefusal(
  type: SharedType,
  path: Array<string | null>,
  keys: Set<string | null>,
  transaction: Y.Transaction,
): string | null {
  const root = path[0];
  if (root === null || root === undefined || !ROOTS.has(root)) return 'the catalog holds only ideas and their order';
  if (root === 'order') {
    if (path.length > 1) return 'the order holds idea ids';
    return addedValues(type, transaction).every((v) => typeof v === 'string' && v.length > 0 && v.length <= 64)
      ? null
      : 'the order holds idea ids';
  }
  if (path.length === 2 && type instanceof Y.Map) {
    if (keys.has('title')) return "an idea's title is edited in place, not replaced or removed";
    if (keys.has('category')) {
      const category = type.get('category');
      if (category !== undefined && (typeof category !== 'string' || category.length > CATEGORY_MAX)) {
        return `an idea's category is text of at most ${CATEGORY_MAX} characters`;
      }
    }
  }
  if (path.length === 3 && path[2] === 'title' && type instanceof Y.Text && type.length > CATALOG_TITLE_LIMIT) {
    return `an idea's title is at most ${CATALOG_TITLE_LIMIT} characters`;
  }
  return null;
}

/** The values this transaction inserted into an array (items it created that are still there). */
function addedValues(type: SharedType, transaction: Y.Transaction): unknown[] {
  const values: unknown[] = [];
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted || item.id.clock < (transaction.beforeState.get(item.id.client) ?? 0)) continue;
    values.push(...item.content.getContent());
  }
  return values;
}
