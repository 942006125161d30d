import type { BoardHistory, HistoryPreview } from '@samle/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listBoardHistory, previewSnapshot } from '../api/historyApi';

export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; value: T };

/** The board's history list, loaded when the dialog opens; `reload` fetches it again (after a restore). */
export function useVersionList(boardId: string): { list: Loadable<BoardHistory>; reload: () => void } {
  const [list, setList] = useState<Loadable<BoardHistory>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    setList((current) => (current.state === 'ready' && round > 0 ? current : { state: 'loading' }));
    listBoardHistory(boardId, abort.signal).then(
      (value) => setList({ state: 'ready', value }),
      (error: unknown) => {
        if (!abort.signal.aborted) setList({ state: 'error', error });
      },
    );
    return () => abort.abort();
  }, [boardId, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { list, reload };
}

/** One snapshot's preview; null while none is chosen. `round` reloads it (after a note was put back). */
export function useVersionPreview(
  boardId: string,
  snapshotId: string | null,
  round: number,
): Loadable<HistoryPreview> | null {
  const [preview, setPreview] = useState<Loadable<HistoryPreview> | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` is the reload trigger.
  useEffect(() => {
    if (!snapshotId) {
      setPreview(null);
      return;
    }
    const abort = new AbortController();
    setPreview((current) =>
      current?.state === 'ready' && current.value.snapshot.id === snapshotId ? current : { state: 'loading' },
    );
    previewSnapshot(boardId, snapshotId, abort.signal).then(
      (value) => setPreview({ state: 'ready', value }),
      (error: unknown) => {
        if (!abort.signal.aborted) setPreview({ state: 'error', error });
      },
    );
    return () => abort.abort();
  }, [boardId, snapshotId, round]);
  return preview;
}

/** How a version's time is shown: weekday, day, month and time, in the UI language. */
export function useVersionTime(): (takenAt: number) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    return (takenAt: number) => format.format(new Date(takenAt));
  }, [i18n.language]);
}
