import { CATEGORY_MAX, DESCRIPTION_ROOT, SERVER_IDEA_KEYS } from '@samle/shared';
import * as Y from 'yjs';

const SERVER_KEYS = new Set<string>(SERVER_IDEA_KEYS);

/** Any shared type, as Yjs itself types it. */
type SharedType = Parameters<typeof Y.findRootTypeKey>[0];

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
 * The update is tried on a shadow copy of the document first: which types a
 * Yjs update changes is only known once its items are integrated (an item
 * names its parent only when it has no neighbour to inherit it from). The
 * shadow follows the live doc through its update events, so a check costs the
 * update, not a copy of the whole catalog; a refused update leaves the shadow
 * ahead of the live doc, so it is thrown away and rebuilt on the next check.
 * Returns why the update is refused, or null.
 */
export function catalogWriteRefusal(live: Y.Doc, update: Uint8Array): string | null {
  return shadowRefusal(live, update, (type, keys, transaction) => {
    const path = pathOf(type);
    return refusalFor(path, keys) ?? shapeRefusal(type, path, keys, transaction);
  });
}

/**
 * What a client may write to an idea's description doc (`<workshop>-idea-<idea>`):
 * what the description editor can show — paragraphs of text runs, line breaks
 * and tabs under the root `root`. A crafted node type (one the editor has no
 * class for) made the editor drop the whole description for everyone who opened
 * it, so an update that brings one, or writes another root, is refused (4422).
 */
export function descriptionWriteRefusal(live: Y.Doc, update: Uint8Array): string | null {
  return shadowRefusal(
    live,
    update,
    (type) => {
      if (pathOf(type)[0] !== DESCRIPTION_ROOT) return 'a description holds only its Lexical root';
      return descriptionNodeRefusal(type);
    },
    // A root the doc has not asked for by type integrates untyped; the description's is a Y.XmlText.
    (doc) => doc.get(DESCRIPTION_ROOT, Y.XmlText),
  );
}

const BLOCK_TYPES = new Set(['root', 'paragraph']);
const RUN_TYPES = new Set(['text', 'linebreak', 'tab']);

/** Checks a changed type of a description and everything embedded in it. */
function descriptionNodeRefusal(type: SharedType): string | null {
  if (type instanceof Y.XmlText) {
    const kind = type.getAttribute('__type');
    if (kind !== undefined && !BLOCK_TYPES.has(kind)) return `a description has no "${kind}" nodes`;
    for (const op of type.toDelta() as Array<{ insert: unknown }>) {
      const inserted = op.insert;
      if (typeof inserted === 'string') continue;
      if (inserted instanceof Y.XmlText || inserted instanceof Y.Map) {
        const refusal = descriptionNodeRefusal(inserted as SharedType);
        if (refusal) return refusal;
      } else {
        return 'a description holds paragraphs of text';
      }
    }
    return null;
  }
  if (type instanceof Y.Map) {
    const kind = type.get('__type');
    return kind === undefined || (typeof kind === 'string' && RUN_TYPES.has(kind))
      ? null
      : `a description has no "${String(kind)}" runs`;
  }
  return 'a description holds paragraphs of text';
}

/**
 * Tries `update` on the doc's shadow and asks `judge` about every type it
 * changed; returns the first refusal, or null. A refused update leaves the
 * shadow ahead of the live doc, so it is thrown away and rebuilt on the next check.
 */
function shadowRefusal(
  live: Y.Doc,
  update: Uint8Array,
  judge: (type: SharedType, keys: Set<string | null>, transaction: Y.Transaction) => string | null,
  prepare?: (doc: Y.Doc) => void,
): string | null {
  const shadow = shadowOf(live);
  prepare?.(shadow.doc);
  let refusal: string | null = null;
  const check = (transaction: Y.Transaction) => {
    for (const [type, keys] of transaction.changed) refusal ??= judge(type, keys, transaction);
  };
  shadow.doc.on('afterTransaction', check);
  try {
    Y.applyUpdate(shadow.doc, update);
  } finally {
    shadow.doc.off('afterTransaction', check);
  }
  // Items whose dependencies never arrived would integrate later, unchecked.
  if (!refusal && (shadow.doc.store.pendingStructs || shadow.doc.store.pendingDs)) {
    refusal = 'the update depends on catalog changes the server does not have';
  }
  if (refusal) shadow.drop();
  return refusal;
}

interface Shadow {
  doc: Y.Doc;
  drop(): void;
}

const shadows = new WeakMap<Y.Doc, Shadow>();

function shadowOf(live: Y.Doc): Shadow {
  const existing = shadows.get(live);
  if (existing) return existing;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
  const follow = (update: Uint8Array) => Y.applyUpdate(doc, update);
  live.on('update', follow);
  const shadow: Shadow = {
    doc,
    drop() {
      live.off('update', follow);
      shadows.delete(live);
      doc.destroy();
    },
  };
  shadows.set(live, shadow);
  live.once('destroy', () => shadow.drop());
  return shadow;
}

/** Keys from the root down to `type`: the root's name, then each parent's key (null inside arrays and texts). */
function pathOf(type: SharedType): Array<string | null> {
  const path: Array<string | null> = [];
  let current: SharedType = type;
  while (current._item) {
    path.unshift(current._item.parentSub);
    current = current._item.parent as SharedType;
  }
  path.unshift(Y.findRootTypeKey(current));
  return path;
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
