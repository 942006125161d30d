import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { createBoardHistory } from '../ops/history';
import { createExternalStore } from '../sync/externalStore';

export interface BoardHistory {
  canUndo: boolean;
  canRedo: boolean;
  undo(): void;
  redo(): void;
  /** Ends the current undo step: what follows is undone separately. */
  checkpoint(): void;
}

const NONE = { canUndo: false, canRedo: false };

/** This person's undo history on a board (see ops/history.ts); empty and inert on a read-only board. */
export function useBoardHistory(doc: Y.Doc, readOnly: boolean): BoardHistory {
  const manager = useMemo(() => (readOnly ? undefined : createBoardHistory(doc)), [doc, readOnly]);
  useEffect(() => () => manager?.destroy(), [manager]);

  const store = useMemo(
    () =>
      createExternalStore<{ canUndo: boolean; canRedo: boolean }>({
        read: () => (manager ? { canUndo: manager.canUndo(), canRedo: manager.canRedo() } : NONE),
        equals: (a, b) => a.canUndo === b.canUndo && a.canRedo === b.canRedo,
        listen(changed) {
          if (!manager) return () => undefined;
          const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
          const onChange = () => changed();
          for (const name of events) manager.on(name, onChange);
          return () => {
            for (const name of events) manager.off(name, onChange);
          };
        },
      }),
    [manager],
  );
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);

  return useMemo(
    () => ({
      ...state,
      undo: () => {
        manager?.stopCapturing();
        manager?.undo();
      },
      redo: () => {
        manager?.stopCapturing();
        manager?.redo();
      },
      checkpoint: () => manager?.stopCapturing(),
    }),
    [state, manager],
  );
}
