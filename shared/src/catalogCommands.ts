import { type Static, Type } from '@sinclair/typebox';
import * as Y from 'yjs';
import { addIdea, ideaOrder, ideasOf, mergeIdeas, readIdea, type Source } from './catalog.js';

/**
 * Changes to the catalog that only the server makes (commands): merging,
 * splitting and deleting ideas, because they move or drop provenance. Clients
 * edit titles, categories and the order directly; an update from a client that
 * creates or removes an idea, or touches provenance, is refused (see
 * `catalogWriteRefusal`).
 *
 * Each idea's rich description lives in its own doc, `<workshop>-idea-<ideaId>`,
 * a Lexical document (synced through @lexical/yjs) under CollaborationPlugin's
 * default root, `root`.
 */

/** The Y.XmlText root of an idea's description doc: CollaborationPlugin's default name. */
export const DESCRIPTION_ROOT = 'root';

/**
 * Keys of an idea that only the server writes: where it came from (notes, or the
 * question it was taken from), when, and what was merged into it.
 */
export const SERVER_IDEA_KEYS = ['provenance', 'createdAt', 'mergedFrom', 'fromQuestion'] as const;

/** An idea that was merged into another: kept on the survivor so its trail is not lost. */
export interface MergedIdea {
  ideaId: string;
  title: string;
  mergedAt: number;
  mergedBy: string;
  /** Its leadership decision at the time of the merge, if it had one. */
  decision: string | null;
}

export function readMergedFrom(idea: Y.Map<unknown>): MergedIdea[] {
  const merged = idea.get('mergedFrom');
  return merged instanceof Y.Array ? (merged.toArray() as MergedIdea[]) : [];
}

/** Merges `fromId` into `intoId` (sources of both kept) and notes the merge on the survivor. */
export function mergeIdeasWithTrace(doc: Y.Doc, intoId: string, fromId: string, trace: MergedIdea): boolean {
  const into = ideasOf(doc).get(intoId);
  const from = ideasOf(doc).get(fromId);
  if (!into || !from || intoId === fromId) return false;
  doc.transact(() => {
    const carried = readMergedFrom(from);
    mergeIdeas(doc, intoId, fromId);
    let list = into.get('mergedFrom');
    if (!(list instanceof Y.Array)) {
      list = new Y.Array<MergedIdea>();
      into.set('mergedFrom', list);
    }
    (list as Y.Array<MergedIdea>).push([...carried, trace]);
  });
  return true;
}

const sourceKey = (s: { boardId: string; noteId: string }) => `${s.boardId}/${s.noteId}`;

/**
 * Moves the chosen sources of `ideaId` to a new idea placed right after it.
 * Returns false (and changes nothing) unless at least one source moves and at
 * least one stays.
 */
export function splitIdea(
  doc: Y.Doc,
  ideaId: string,
  split: {
    newId: string;
    title: string;
    createdAt: number;
    sources: ReadonlyArray<{ boardId: string; noteId: string }>;
  },
): boolean {
  const idea = ideasOf(doc).get(ideaId);
  if (!idea) return false;
  const provenance = idea.get('provenance');
  if (!(provenance instanceof Y.Array)) return false;
  const chosen = new Set(split.sources.map(sourceKey));
  const all = provenance.toArray() as Source[];
  const moving = all.filter((s) => chosen.has(sourceKey(s)));
  if (moving.length === 0 || moving.length === all.length) return false;
  doc.transact(() => {
    // Delete from the end so earlier indexes stay valid.
    for (let i = all.length - 1; i >= 0; i--) {
      const source = all[i];
      if (source && chosen.has(sourceKey(source))) provenance.delete(i, 1);
    }
    addIdea(doc, {
      id: split.newId,
      title: split.title,
      category: readIdea(ideaId, idea).category,
      createdAt: split.createdAt,
      provenance: moving,
    });
    // addIdea appends to the order; the new idea belongs right after the one it came from.
    const order = ideaOrder(doc);
    const ids = order.toArray();
    const last = ids.lastIndexOf(split.newId);
    if (last >= 0) order.delete(last, 1);
    const at = order.toArray().indexOf(ideaId);
    order.insert(at >= 0 ? at + 1 : order.length, [split.newId]);
  });
  return true;
}

/** Removes an idea with its sources from the catalog. */
export function deleteIdea(doc: Y.Doc, ideaId: string): boolean {
  if (!ideasOf(doc).has(ideaId)) return false;
  doc.transact(() => {
    ideasOf(doc).delete(ideaId);
    const order = ideaOrder(doc);
    const ids = order.toArray();
    for (let i = ids.length - 1; i >= 0; i--) if (ids[i] === ideaId) order.delete(i, 1);
  });
  return true;
}

/**
 * Appends a copy of one Lexical description (a Y.XmlText tree: paragraphs are
 * embedded XmlTexts, text runs are strings after a Y.Map of their properties)
 * to the end of another. Copies structure as it is, so formatting survives.
 */
export function appendDescription(into: Y.Doc, from: Y.Doc): boolean {
  const source = from.get(DESCRIPTION_ROOT, Y.XmlText) as Y.XmlText;
  if (source.length === 0) return false;
  const target = into.get(DESCRIPTION_ROOT, Y.XmlText) as Y.XmlText;
  into.transact(() => copyXmlText(source, target));
  return true;
}

function copyXmlText(from: Y.XmlText, into: Y.XmlText): void {
  for (const [key, value] of Object.entries(from.getAttributes())) {
    if (into.getAttribute(key) === undefined) into.setAttribute(key, value as string);
  }
  // toDelta lists strings and embedded types in order; each goes in at the current end.
  for (const op of from.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    const at = into.length;
    const { insert, attributes } = op;
    if (typeof insert === 'string') {
      into.insert(at, insert, attributes ?? {});
    } else if (insert instanceof Y.XmlText) {
      const child = new Y.XmlText();
      into.insertEmbed(at, child, attributes ?? {});
      copyXmlText(insert, child);
    } else if (insert instanceof Y.Map) {
      const child = new Y.Map<unknown>();
      into.insertEmbed(at, child, attributes ?? {});
      for (const [key, value] of insert.entries()) child.set(key, value);
    } else if (insert !== undefined && insert !== null) {
      into.insertEmbed(at, insert as object, attributes ?? {});
    }
  }
}

const Id = Type.String({ minLength: 1, maxLength: 64 });

export const MergeIdeasBody = Type.Object({ intoId: Id, fromId: Id }, { additionalProperties: false });
export type MergeIdeasBody = Static<typeof MergeIdeasBody>;

export const SplitIdeaBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    sources: Type.Array(Type.Object({ boardId: Id, noteId: Id }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 500,
    }),
  },
  { additionalProperties: false },
);
export type SplitIdeaBody = Static<typeof SplitIdeaBody>;

/** What became of one source note since it was gathered. */
export type SourceState = 'unchanged' | 'changed' | 'deleted';

export interface SourceStatus {
  ideaId: string;
  boardId: string;
  noteId: string;
  state: SourceState;
  /** The note's text now, when it has changed. */
  currentText?: string;
}

export const SourceStatusSchema = Type.Object({
  ideaId: Type.String(),
  boardId: Type.String(),
  noteId: Type.String(),
  state: Type.Union([Type.Literal('unchanged'), Type.Literal('changed'), Type.Literal('deleted')]),
  currentText: Type.Optional(Type.String()),
});
