import { notesOf } from '@samle/shared';
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * Whether the note a link points at (`/b/:id?note=`) is on the board:
 * `pending` until the board has arrived, then `found` or `deleted`. A link
 * from the catalog may outlive its note; the page says so instead of failing.
 */
export type NoteTarget = 'none' | 'pending' | 'found' | 'deleted';

export function useNoteTarget(doc: Y.Doc, noteId: string | undefined, arrived: boolean): NoteTarget {
  const subscribe = useCallback(
    (changed: () => void) => {
      const notes = notesOf(doc);
      notes.observe(changed);
      return () => notes.unobserve(changed);
    },
    [doc],
  );
  const exists = useSyncExternalStore(subscribe, () => (noteId ? notesOf(doc).has(noteId) : false));
  if (!noteId) return 'none';
  if (exists) return 'found';
  return arrived ? 'deleted' : 'pending';
}
