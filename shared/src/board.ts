import * as Y from 'yjs';

/**
 * The board document: one Yjs doc per board.
 *
 * ```
 * notes:    Y.Map<noteId, Y.Map{ text: Y.Text, x, y, w, h, color, authorId?, authorName?, clusterId?, createdAt }>
 * clusters: Y.Map<clusterId, Y.Map{ title: Y.Text, x, y, w, h, color, createdAt }>   (see clusters.ts)
 * meta:     Y.Map{ schemaVersion, title, boardKind }
 * ```
 *
 * Every function here takes the doc (or a note map) and does its change in one
 * transaction, so a remote peer sees it as one update. Positions are in board
 * coordinates (pixels at zoom 1), integers.
 */

export const BOARD_SCHEMA_VERSION = 2;

export const NOTE_COLORS = ['yellow', 'pink', 'green', 'blue', 'orange', 'purple'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];

export const BOARD_KINDS = ['plenum', 'group', 'leadership'] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

export const NOTE_DEFAULT_SIZE = { w: 200, h: 160 } as const;
/** Size presets a person can pick; a note's w/h are stored, so presets can change without migrating. */
export const NOTE_SIZES = { s: { w: 160, h: 120 }, m: NOTE_DEFAULT_SIZE, l: { w: 280, h: 220 } } as const;
export type NoteSize = keyof typeof NOTE_SIZES;
/** Longest note text we accept from our own UI; the relay's doc limit bounds the rest. */
export const NOTE_MAX_TEXT = 2000;
/** Board coordinates are clamped to this square so a bad drag cannot fling a note to infinity. */
export const BOARD_EXTENT = 1_000_000;

export type NoteMap = Y.Map<unknown>;

export interface NoteView {
  id: string;
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  color: NoteColor;
  authorId: string | undefined;
  authorName: string | undefined;
  /** The cluster this note belongs to, if any (it may name a cluster that was deleted meanwhile). */
  clusterId: string | undefined;
  createdAt: number;
}

export interface BoardMetaView {
  schemaVersion: number;
  title: string;
  boardKind: BoardKind;
  /** Notes on this board are shown (and stored) without their author. */
  anonymous: boolean;
}

export interface NewNote {
  id: string;
  x: number;
  y: number;
  color?: NoteColor;
  text?: string;
  authorId?: string;
  authorName?: string;
  createdAt: number;
}

/** The name of a board doc's root map of notes. */
export const NOTES_ROOT = 'notes';

export function notesOf(doc: Y.Doc): Y.Map<NoteMap> {
  return doc.getMap<NoteMap>(NOTES_ROOT);
}

export function metaOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('meta');
}

export function isNoteColor(value: unknown): value is NoteColor {
  return typeof value === 'string' && (NOTE_COLORS as readonly string[]).includes(value);
}

function clampCoord(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.round(Math.min(BOARD_EXTENT, Math.max(-BOARD_EXTENT, value)));
}

/** Writes the meta of a new board. Safe to call on a doc that is already initialised: it fills only what is missing. */
export function initBoard(doc: Y.Doc, init: { title: string; boardKind: BoardKind }): void {
  doc.transact(() => {
    const meta = metaOf(doc);
    if (meta.get('schemaVersion') === undefined) meta.set('schemaVersion', BOARD_SCHEMA_VERSION);
    if (meta.get('title') === undefined) meta.set('title', init.title);
    if (meta.get('boardKind') === undefined) meta.set('boardKind', init.boardKind);
  });
}

export function readBoardMeta(doc: Y.Doc): BoardMetaView {
  const meta = metaOf(doc);
  const version = meta.get('schemaVersion');
  const title = meta.get('title');
  const kind = meta.get('boardKind');
  return {
    schemaVersion: typeof version === 'number' ? version : 0,
    title: typeof title === 'string' ? title : '',
    boardKind: (BOARD_KINDS as readonly unknown[]).includes(kind) ? (kind as BoardKind) : 'plenum',
    anonymous: meta.get('anonymous') === true,
  };
}

export function createNote(doc: Y.Doc, note: NewNote): NoteMap {
  const map = new Y.Map<unknown>();
  doc.transact(() => {
    const text = new Y.Text();
    if (note.text) text.insert(0, note.text.slice(0, NOTE_MAX_TEXT));
    map.set('text', text);
    map.set('x', clampCoord(note.x));
    map.set('y', clampCoord(note.y));
    map.set('w', NOTE_DEFAULT_SIZE.w);
    map.set('h', NOTE_DEFAULT_SIZE.h);
    map.set('color', note.color ?? 'yellow');
    if (note.authorId !== undefined) map.set('authorId', note.authorId);
    if (note.authorName !== undefined) map.set('authorName', note.authorName);
    map.set('createdAt', note.createdAt);
    notesOf(doc).set(note.id, map);
  });
  return map;
}

export function moveNote(doc: Y.Doc, id: string, x: number, y: number): boolean {
  const note = notesOf(doc).get(id);
  if (!note) return false;
  doc.transact(() => {
    note.set('x', clampCoord(x));
    note.set('y', clampCoord(y));
  });
  return true;
}

export function recolorNote(doc: Y.Doc, id: string, color: NoteColor): boolean {
  const note = notesOf(doc).get(id);
  if (!note || !isNoteColor(color)) return false;
  doc.transact(() => note.set('color', color));
  return true;
}

export function resizeNote(doc: Y.Doc, id: string, size: NoteSize): boolean {
  const note = notesOf(doc).get(id);
  const preset = NOTE_SIZES[size];
  if (!note || !preset) return false;
  doc.transact(() => {
    note.set('w', preset.w);
    note.set('h', preset.h);
  });
  return true;
}

/**
 * Copies notes (text, colour, size, cluster) a little offset from the originals, as
 * one change; the copies are authored by whoever duplicates. Returns the new ids
 * in the order of `ids`.
 */
export function duplicateNotes(
  doc: Y.Doc,
  ids: readonly string[],
  options: { newId: () => string; now: number; authorId?: string; authorName?: string; offset?: number },
): string[] {
  const created: string[] = [];
  const offset = options.offset ?? 24;
  doc.transact(() => {
    ids.forEach((id, index) => {
      const source = notesOf(doc).get(id);
      if (!source) return;
      const view = readNote(id, source);
      const copyId = options.newId();
      const copy = createNote(doc, {
        id: copyId,
        x: view.x + offset,
        y: view.y + offset,
        color: view.color,
        text: view.text,
        authorId: options.authorId,
        authorName: options.authorName,
        createdAt: options.now + index,
      });
      copy.set('w', view.w);
      copy.set('h', view.h);
      if (view.clusterId) copy.set('clusterId', view.clusterId);
      created.push(copyId);
    });
  });
  return created;
}

/** Marks the board anonymous (or not); making it anonymous removes every note's author. */
export function setBoardAnonymous(doc: Y.Doc, anonymous: boolean): void {
  doc.transact(() => {
    metaOf(doc).set('anonymous', anonymous);
    if (!anonymous) return;
    for (const note of notesOf(doc).values()) {
      if (!(note instanceof Y.Map)) continue;
      note.delete('authorId');
      note.delete('authorName');
    }
  });
}

/** Keys a note on an anonymous board must never carry; the server refuses updates that write them. */
export const AUTHOR_KEYS = ['authorId', 'authorName'] as const;

export function deleteNote(doc: Y.Doc, id: string): boolean {
  const notes = notesOf(doc);
  if (!notes.has(id)) return false;
  doc.transact(() => notes.delete(id));
  return true;
}

export function noteText(note: NoteMap): Y.Text | undefined {
  const text = note.get('text');
  return text instanceof Y.Text ? text : undefined;
}

/**
 * Reads one note defensively: a doc written by a buggy or hostile client may hold
 * anything, so every field falls back to a sane value instead of throwing.
 */
export function readNote(id: string, note: NoteMap): NoteView {
  const num = (key: string, fallback: number): number => {
    const value = note.get(key);
    return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  };
  const str = (key: string): string | undefined => {
    const value = note.get(key);
    return typeof value === 'string' ? value : undefined;
  };
  const color = note.get('color');
  return {
    id,
    text: noteText(note)?.toString() ?? '',
    x: num('x', 0),
    y: num('y', 0),
    w: num('w', NOTE_DEFAULT_SIZE.w),
    h: num('h', NOTE_DEFAULT_SIZE.h),
    color: isNoteColor(color) ? color : 'yellow',
    authorId: str('authorId'),
    authorName: str('authorName'),
    clusterId: str('clusterId'),
    createdAt: num('createdAt', 0),
  };
}

/** All notes, oldest first (creation order is the stacking order on the canvas). */
export function readNotes(doc: Y.Doc): NoteView[] {
  const views: NoteView[] = [];
  for (const [id, note] of notesOf(doc).entries()) {
    if (note instanceof Y.Map) views.push(readNote(id, note));
  }
  return views.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}
