import { clustersOf, notesOf } from '@samle/shared';
import * as Y from 'yjs';
import { LOCAL_TEXT_ORIGIN } from '../interaction/textBinding';

/** Keystrokes closer together than this undo as one step. */
export const TYPING_BURST_MS = 800;

/**
 * The board's undo history: only this person's own changes. It tracks local
 * transactions (origin `null`, which every `@samle/shared` operation uses) and
 * the text fields' edits; remote updates arrive with the provider as origin and
 * are never undone. Callers mark the edges of a gesture with `stopCapturing`,
 * so a drag is one step and the next click is another.
 */
export function createBoardHistory(doc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager([notesOf(doc), clustersOf(doc)], {
    captureTimeout: TYPING_BURST_MS,
    trackedOrigins: new Set<unknown>([null, LOCAL_TEXT_ORIGIN]),
  });
}
