import { type Static, Type } from '@sinclair/typebox';
import * as Y from 'yjs';
import type { NoteView } from './board.js';
import { clustersOf, clusterTitle } from './clusters.js';

/**
 * The idea catalog (*idékatalog*): one doc per workshop, `<workshop>-catalog`,
 * written by facilitators and leaders (titles, categories, order). Gathering
 * notes into an idea is a server command so that every idea's provenance — which
 * notes, on which board, table and session, by whom unless anonymous — comes from
 * the boards themselves, not from a client.
 *
 * ```
 * ideas: Y.Map<ideaId, Y.Map{ title: Y.Text, category, createdAt, provenance: Y.Array<Source> }>
 * order: Y.Array<ideaId>
 * ```
 * An idea's rich description lives in its own doc, `<workshop>-idea-<ideaId>`
 * (one Lexical editor per doc).
 */

/** The longest category an idea may have (the field's limit; the server refuses longer). */
export const CATEGORY_MAX = 80;

/** Where an idea came from: one note, as it was when it was gathered. */
export interface Source {
  boardId: string;
  boardTitle: string;
  noteId: string;
  /** The note's text when gathered (the note itself may change or be deleted later). */
  text: string;
  sessionId: string | null;
  sessionTitle: string | null;
  groupId: string | null;
  tableName: string | null;
  /** Null on anonymous boards and for notes without an author. */
  authorName: string | null;
  /**
   * The author's person id (null on anonymous boards and for notes without an
   * author; missing on sources gathered before it was recorded). Never published:
   * participants learn only which sources are their own (`/published/mine`).
   */
  authorId?: string | null;
  clusterTitle: string | null;
}

/** Where a board sits in its workshop, as every source from it records it. */
export interface SourcePlace {
  boardId: string;
  boardTitle: string;
  sessionId: string | null;
  sessionTitle: string | null;
  groupId: string | null;
  tableName: string | null;
  /** The server's record of the board: its notes' authors are never recorded. */
  anonymous: boolean;
}

/**
 * A note of a board doc as a source: its text and theme as they are now, and its
 * author unless the board is anonymous — by the server's record (`place`), never
 * by what the board's document says. Gathering and the demo catalog build their
 * sources here, so both record the same fields in the same order.
 */
export function sourceOfNote(board: Y.Doc, note: NoteView, place: SourcePlace): Source {
  const { anonymous } = place;
  const cluster = note.clusterId ? clustersOf(board).get(note.clusterId) : undefined;
  return {
    boardId: place.boardId,
    boardTitle: place.boardTitle,
    noteId: note.id,
    text: note.text,
    sessionId: place.sessionId,
    sessionTitle: place.sessionTitle,
    groupId: place.groupId,
    tableName: place.tableName,
    authorName: anonymous ? null : (note.authorName ?? null),
    authorId: anonymous ? null : (note.authorId ?? null),
    clusterTitle: cluster ? (clusterTitle(cluster)?.toString() ?? null) : null,
  };
}

export interface IdeaView {
  id: string;
  title: string;
  category: string;
  createdAt: number;
  provenance: Source[];
  /** The question or proposal the idea was taken into the catalog from (its source besides any notes). */
  fromQuestion?: string;
}

export function ideasOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>('ideas');
}

export function ideaOrder(doc: Y.Doc): Y.Array<string> {
  return doc.getArray<string>('order');
}

export function readIdea(id: string, idea: Y.Map<unknown>): IdeaView {
  const title = idea.get('title');
  const provenance = idea.get('provenance');
  const category = idea.get('category');
  const createdAt = idea.get('createdAt');
  const fromQuestion = idea.get('fromQuestion');
  return {
    id,
    title: title instanceof Y.Text ? title.toString() : '',
    category: typeof category === 'string' ? category : '',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    provenance: provenance instanceof Y.Array ? (provenance.toArray() as Source[]) : [],
    ...(typeof fromQuestion === 'string' ? { fromQuestion } : {}),
  };
}

/** Ideas in catalog order (ideas missing from the order list come last, oldest first). */
export function readIdeas(doc: Y.Doc): IdeaView[] {
  const ideas = ideasOf(doc);
  const seen = new Set<string>();
  const ordered: IdeaView[] = [];
  for (const id of ideaOrder(doc).toArray()) {
    const idea = ideas.get(id);
    if (!idea || seen.has(id)) continue;
    seen.add(id);
    ordered.push(readIdea(id, idea));
  }
  const rest = [...ideas.entries()]
    .filter(([id]) => !seen.has(id))
    .map(([id, idea]) => readIdea(id, idea))
    .sort((a, b) => a.createdAt - b.createdAt);
  return [...ordered, ...rest];
}

export function addIdea(
  doc: Y.Doc,
  idea: {
    id: string;
    title: string;
    category?: string;
    createdAt: number;
    provenance: Source[];
    fromQuestion?: string;
  },
): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    const title = new Y.Text();
    title.insert(0, idea.title);
    map.set('title', title);
    map.set('category', idea.category ?? '');
    map.set('createdAt', idea.createdAt);
    const provenance = new Y.Array<Source>();
    provenance.push(idea.provenance);
    map.set('provenance', provenance);
    if (idea.fromQuestion) map.set('fromQuestion', idea.fromQuestion);
    ideasOf(doc).set(idea.id, map);
    ideaOrder(doc).push([idea.id]);
  });
}

/** Merges `from` into `into`: its sources join, duplicates once; `from` leaves the catalog. */
export function mergeIdeas(doc: Y.Doc, intoId: string, fromId: string): boolean {
  const into = ideasOf(doc).get(intoId);
  const from = ideasOf(doc).get(fromId);
  if (!into || !from || intoId === fromId) return false;
  doc.transact(() => {
    const target = into.get('provenance');
    const existing = new Set(readIdea(intoId, into).provenance.map((s) => `${s.boardId}/${s.noteId}`));
    const incoming = readIdea(fromId, from).provenance.filter((s) => !existing.has(`${s.boardId}/${s.noteId}`));
    if (target instanceof Y.Array) target.push(incoming);
    ideasOf(doc).delete(fromId);
    const order = ideaOrder(doc);
    const at = order.toArray().indexOf(fromId);
    if (at >= 0) order.delete(at, 1);
  });
  return true;
}

export const GatherBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    sources: Type.Array(
      Type.Object(
        {
          boardId: Type.String({ minLength: 1, maxLength: 64 }),
          noteIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 500 })),
          clusterIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);
export type GatherBody = Static<typeof GatherBody>;
