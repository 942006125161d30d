import { catalogDocId, isRetryableClose, readIdeas, TOKEN_PARAM } from '@samle/shared';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { syncUrl } from '../sync/boardConnection';
import { createExternalStore, type ExternalStore } from '../sync/externalStore';
import { noteKey } from './suggestions';

/**
 * Which notes are already in the idea catalog: the catalog doc
 * (`<workshop>-catalog`) read live with a stock provider — only facilitators
 * and leaders may — and every idea's provenance turned into `boardId|noteId` →
 * the titles of the ideas it went into. Never written from here. Null until the
 * first sync, so "not in the catalog" is never claimed from a half-loaded doc.
 */
export type CatalogMarks = ReadonlyMap<string, readonly string[]>;

export function catalogMarks(doc: Y.Doc): Map<string, string[]> {
  const marks = new Map<string, string[]>();
  for (const idea of readIdeas(doc))
    for (const source of idea.provenance) {
      const key = noteKey(source.boardId, source.noteId);
      const titles = marks.get(key) ?? [];
      if (!titles.includes(idea.title)) titles.push(idea.title);
      marks.set(key, titles);
    }
  return marks;
}

function sameMarks(a: CatalogMarks | null, b: CatalogMarks | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const [key, titles] of a) {
    const other = b.get(key);
    if (!other || other.length !== titles.length || other.some((t, i) => t !== titles[i])) return false;
  }
  return true;
}

interface MarksConnection {
  marks: ExternalStore<CatalogMarks | null>;
  destroy(): void;
}

function openMarks(workshopId: string, token: string | undefined): MarksConnection {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl(window.location), catalogDocId(workshopId), doc, {
    ...(token ? { params: { [TOKEN_PARAM]: token } } : {}),
    disableBc: true,
    shouldReconnect: (event) => isRetryableClose(event.code),
  });
  provider.awareness.setLocalState(null);
  let synced = false;
  const marks = createExternalStore<CatalogMarks | null>({
    read: () => (synced ? catalogMarks(doc) : null),
    equals: sameMarks,
    listen(changed) {
      const onUpdate = () => changed();
      const onSync = (isSynced: boolean) => {
        if (isSynced) synced = true;
        changed();
      };
      doc.on('update', onUpdate);
      provider.on('sync', onSync);
      return () => {
        doc.off('update', onUpdate);
        provider.off('sync', onSync);
      };
    },
  });
  return {
    marks,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

const nothing = { subscribe: () => () => undefined, getSnapshot: (): CatalogMarks | null => null };

export function useCatalogMarks(workshopId: string, token: string | undefined): CatalogMarks | null {
  const [connection, setConnection] = useState<MarksConnection>();
  useEffect(() => {
    const opened = openMarks(workshopId, token);
    setConnection(opened);
    return () => opened.destroy();
  }, [workshopId, token]);
  const store = connection?.marks ?? nothing;
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
