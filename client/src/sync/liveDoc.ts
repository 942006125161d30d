import { isRetryableClose } from '@samle/shared';
import type * as Y from 'yjs';
import { createExternalStore, type ExternalStore } from './externalStore';
import { openDoc } from './openDoc';

/**
 * A doc a page only reads (the catalog, the assessments, the published
 * catalog), synced with a stock provider and never written. Its state is `loading` until the
 * first sync, so a half-loaded catalog never looks empty; `unreachable` when a
 * connection attempt failed before the first sync (the provider keeps trying,
 * and the state becomes `ready` when it gets through); and `refused` when the
 * server closes for good (no access, no such doc).
 */
export type LiveState<T> =
  | { status: 'loading' }
  | { status: 'unreachable' }
  | { status: 'ready'; value: T }
  | { status: 'refused' };

export interface LiveDoc<T> {
  readonly state: ExternalStore<LiveState<T>>;
  destroy(): void;
}

export function openLiveDoc<T>(
  docId: string,
  token: string | undefined,
  read: (doc: Y.Doc) => T,
  equals: (a: T, b: T) => boolean,
): LiveDoc<T> {
  const { doc, provider, destroy } = openDoc(docId, { token, presence: false });
  let synced = false;
  let refused = false;
  let failed = false;

  const state = createExternalStore<LiveState<T>>({
    read: () =>
      refused
        ? { status: 'refused' }
        : synced
          ? { status: 'ready', value: read(doc) }
          : failed
            ? { status: 'unreachable' }
            : { status: 'loading' },
    equals: (a, b) =>
      a.status === b.status && (a.status !== 'ready' || b.status !== 'ready' || equals(a.value, b.value)),
    listen: (changed) => {
      const onUpdate = () => changed();
      const onSync = (isSynced: boolean) => {
        if (isSynced) synced = true;
        changed();
      };
      const onClose = (event: CloseEvent | null) => {
        if (event && !isRetryableClose(event.code)) refused = true;
        else failed = true;
        changed();
      };
      doc.on('update', onUpdate);
      provider.on('sync', onSync);
      provider.on('connection-close', onClose);
      return () => {
        doc.off('update', onUpdate);
        provider.off('sync', onSync);
        provider.off('connection-close', onClose);
      };
    },
  });

  return { state, destroy };
}

/** Structural equality for the plain JSON values these docs hold. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
