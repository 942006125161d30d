import { type BoardKind, initBoard } from '@samle/shared';
import * as Y from 'yjs';

/** A board's first doc update: its meta, written by the server so every client starts from the same title and schema. */
export function initialBoardUpdate(title: string, kind: BoardKind, fill?: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  try {
    initBoard(doc, { title, boardKind: kind });
    if (fill) doc.transact(() => fill(doc));
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
