import type * as Y from 'yjs';

/**
 * During private writing the canvas shows two docs at once: the board and this
 * person's drafts. Actions on a selection go to the doc each note lives in.
 */
export interface NoteDocs {
  board: Y.Doc;
  /** This person's drafts doc while private writing is on. */
  drafts: Y.Doc | undefined;
  /** Whether a note id belongs to the drafts doc. */
  isDraft(id: string): boolean;
}

export interface RoutedIds {
  doc: Y.Doc;
  ids: string[];
}

/** The ids grouped by the doc that holds them (board first); docs with none are left out. */
export function routeNotes(docs: NoteDocs, ids: readonly string[]): RoutedIds[] {
  const board = ids.filter((id) => !docs.isDraft(id));
  const drafts = docs.drafts ? ids.filter((id) => docs.isDraft(id)) : [];
  const routed: RoutedIds[] = [];
  if (board.length > 0) routed.push({ doc: docs.board, ids: board });
  if (docs.drafts && drafts.length > 0) routed.push({ doc: docs.drafts, ids: drafts });
  return routed;
}

/** Runs `change` once per doc with that doc's ids. */
export function forEachDoc(docs: NoteDocs, ids: readonly string[], change: (doc: Y.Doc, ids: string[]) => void): void {
  for (const { doc, ids: own } of routeNotes(docs, ids)) change(doc, own);
}

/** The doc a note lives in. */
export function docOfNote(docs: NoteDocs, id: string): Y.Doc {
  return docs.drafts && docs.isDraft(id) ? docs.drafts : docs.board;
}
