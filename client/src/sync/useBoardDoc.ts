import { type BoardMetaView, type ClusterView, metaOf, type NoteView, readBoardMeta } from '@samle/shared';
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { createClustersStore } from './clustersStore';
import { createExternalStore } from './externalStore';
import { createNotesStore } from './notesStore';

/** The notes of a board doc, re-rendering when (and only when) the doc's notes change. */
export function useNotes(doc: Y.Doc): readonly NoteView[] {
  const store = useMemo(() => createNotesStore(doc), [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The themes (clusters) of a board doc, oldest first. */
export function useClusters(doc: Y.Doc): readonly ClusterView[] {
  const store = useMemo(() => createClustersStore(doc), [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The board's meta (title, kind, anonymity), which the server writes when it creates the board. */
export function useBoardMeta(doc: Y.Doc): BoardMetaView {
  const store = useMemo(
    () =>
      createExternalStore<BoardMetaView>({
        read: () => readBoardMeta(doc),
        equals: (a, b) =>
          a.title === b.title &&
          a.boardKind === b.boardKind &&
          a.schemaVersion === b.schemaVersion &&
          a.anonymous === b.anonymous,
        listen(changed) {
          const meta = metaOf(doc);
          const observer = () => changed();
          meta.observe(observer);
          return () => meta.unobserve(observer);
        },
      }),
    [doc],
  );
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
