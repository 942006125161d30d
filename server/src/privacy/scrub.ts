import { type DocKind, parseDocId } from '@samle/shared';
import * as Y from 'yjs';

/** Whose traces to remove, and what their name becomes where a name must stay (who answered, who decided). */
export interface ErasedPerson {
  personId: string;
  name: string;
  replacement: string;
}

/** Roots that can hold a person's authorship, per kind of document (the others hold none, or are deleted whole). */
const ROOTS: Partial<Record<DocKind, Array<{ name: string; kind: 'map' | 'array' }>>> = {
  board: [
    { name: 'notes', kind: 'map' },
    { name: 'clusters', kind: 'map' },
  ],
  catalog: [{ name: 'ideas', kind: 'map' }],
  published: [
    { name: 'published', kind: 'map' },
    // Who wrote each follow-up update (shared/src/followup.ts): a leader's name in the log.
    { name: 'followUp', kind: 'map' },
  ],
  questions: [{ name: 'questions', kind: 'array' }],
};

type Plain = unknown;

/**
 * A copy of a plain JSON value without the person: `authorId` of theirs and its `authorName`
 * become null, any other field holding exactly their name gets the replacement. Returns the
 * same value when nothing changed.
 */
export function scrubPlain(value: Plain, who: ErasedPerson): Plain {
  if (Array.isArray(value)) {
    const items = value.map((item) => scrubPlain(item, who));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (!value || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const source = value as Record<string, Plain>;
  const copy: Record<string, Plain> = {};
  let changed = false;
  const theirs = source.authorId === who.personId;
  for (const [key, field] of Object.entries(source)) {
    let next = scrubPlain(field, who);
    if (theirs && (key === 'authorId' || key === 'authorName')) next = null;
    else if (field === who.name) next = key === 'authorName' ? null : who.replacement;
    if (next !== field) changed = true;
    copy[key] = next;
  }
  return changed ? copy : value;
}

function scrubMap(map: Y.Map<unknown>, who: ErasedPerson): boolean {
  let changed = false;
  if (map.get('authorId') === who.personId || (map.get('authorName') === who.name && !map.has('authorId'))) {
    map.delete('authorId');
    map.delete('authorName');
    changed = true;
  }
  for (const [key, value] of [...map.entries()]) {
    if (value instanceof Y.Map) changed = scrubMap(value, who) || changed;
    else if (value instanceof Y.Array) changed = scrubArray(value, who) || changed;
    else if (value instanceof Y.AbstractType) continue;
    else {
      const next = scrubPlain(value, who);
      if (next !== value) {
        map.set(key, next);
        changed = true;
      }
    }
  }
  return changed;
}

function scrubArray(array: Y.Array<unknown>, who: ErasedPerson): boolean {
  let changed = false;
  array.toArray().forEach((value, index) => {
    if (value instanceof Y.Map) changed = scrubMap(value, who) || changed;
    else if (value instanceof Y.Array) changed = scrubArray(value, who) || changed;
    else if (value instanceof Y.AbstractType) return;
    else {
      const next = scrubPlain(value, who);
      if (next === value) return;
      array.delete(index, 1);
      array.insert(index, [next]);
      changed = true;
    }
  });
  return changed;
}

/** Removes the person's authorship from a document of this id's kind, in one transaction; true when it changed. */
export function scrubDoc(doc: Y.Doc, docId: string, who: ErasedPerson): boolean {
  const roots = ROOTS[parseDocId(docId).kind] ?? [];
  let changed = false;
  doc.transact(() => {
    for (const root of roots) {
      if (!doc.share.has(root.name)) continue;
      changed =
        (root.kind === 'map' ? scrubMap(doc.getMap(root.name), who) : scrubArray(doc.getArray(root.name), who)) ||
        changed;
    }
  }, 'server');
  return changed;
}

/** The same on a stored state (a history snapshot), garbage-collected so the removed values are gone from the bytes. */
export function scrubState(state: Uint8Array, docId: string, who: ErasedPerson): Uint8Array | null {
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, state);
    return scrubDoc(doc, docId, who) ? Y.encodeStateAsUpdate(doc) : null;
  } finally {
    doc.destroy();
  }
}

/** Whether a document's kind can hold a person's authorship (so erasure must look into it). */
export function mayHoldAuthorship(docId: string): boolean {
  return ROOTS[parseDocId(docId).kind] !== undefined;
}

/** A person's own documents, deleted whole on erasure: their private drafts and their reflection. */
export function isOwnDoc(docId: string, personId: string): boolean {
  const address = parseDocId(docId);
  return (
    (address.kind === 'draft' && address.ownerId === personId) ||
    (address.kind === 'reflection' && address.personId === personId)
  );
}
