import { draftDocId, type NoteView } from '@samle/shared';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { meStore } from '../account/meStore';
import { grants } from '../api/grants';
import type { Credential } from '../api/http';
import type { DocConnection } from '../sync/docConnection';
import { forgetLocalCopy } from '../sync/localStore';
import { createNotesStore } from '../sync/notesStore';
import { useDocConnection, useLocalSync } from '../sync/useDocConnection';
import { draftOwnerId } from './draftOwner';

/** Whose drafts this person writes: their person id (grant) or account id (facilitator). */
export function useDraftOwner(credential: Credential): string | undefined {
  const me = useSyncExternalStore(meStore.subscribe, meStore.getSnapshot);
  useEffect(() => meStore.ensureLoaded(), []);
  const grant = credential.kind === 'grant' ? grants().get(credential.workshopId) : undefined;
  return draftOwnerId(credential, grant, me.status === 'ready' ? me.me : undefined);
}

/**
 * This person's drafts doc for the board, synced (and kept in IndexedDB) while
 * private writing is on and they may write. It announces no presence: the
 * board doc carries that.
 */
export function useDraftsConnection(
  boardId: string,
  options: { enabled: boolean; token: string | undefined; ownerId: string | undefined },
): DocConnection | undefined {
  const { enabled, token, ownerId } = options;
  const docId = ownerId ? draftDocId(boardId, ownerId) : `${boardId}-no-drafts`;
  const connection = useDocConnection(docId, { enabled: enabled && ownerId !== undefined, token, presence: false });

  // After the reveal the server has emptied the drafts: drop this device's copy too, so the next round does not
  // flash the revealed notes from disk — unless it holds changes the server never got (kept for the next round).
  const unsynced = useLocalSync(connection).unsynced;
  const last = useRef<{ docId: string; unsynced: number } | undefined>(undefined);
  if (connection) last.current = { docId, unsynced };
  useEffect(() => {
    if (enabled || !last.current) return;
    const { docId: closed, unsynced: pending } = last.current;
    last.current = undefined;
    if (pending === 0) void forgetLocalCopy(closed);
  }, [enabled]);
  return connection;
}

const NO_DOC = new Y.Doc();

/** The notes of the drafts doc, or none without one. */
export function useDraftNotes(doc: Y.Doc | undefined): readonly NoteView[] {
  const store = useMemo(() => createNotesStore(doc ?? NO_DOC), [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
