import { controlDocId } from '@samle/shared';
import type * as Y from 'yjs';
import { openDoc } from './openDoc';

/**
 * A board's control doc (timer, vote round), synced read-only with a second
 * stock provider and the board's own credentials. Only the server writes it:
 * nothing here ever changes `doc`, and this client announces no presence on it.
 */
export interface ControlConnection {
  readonly boardId: string;
  readonly doc: Y.Doc;
  destroy(): void;
}

export function openControlConnection(boardId: string, token?: string): ControlConnection {
  // Presence belongs to the board doc; the control doc is only listened to.
  const { doc, destroy } = openDoc(controlDocId(boardId), { token, presence: false });
  return { boardId, doc, destroy };
}
