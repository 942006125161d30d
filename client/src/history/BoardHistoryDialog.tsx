import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { restoreBoard, restoreNote } from '../api/historyApi';
import { Icon } from '../ui/Icon';
import { historyErrorText } from './historyErrors';
import { useVersionList, useVersionPreview, useVersionTime } from './useVersions';
import { VersionList } from './VersionList';
import { VersionPreview } from './VersionPreview';

/**
 * The facilitator's board history: a modal dialog (Esc closes) with the board's snapshots
 * on one side and the chosen one's notes on the other (one after the other on a phone).
 * Restores go through the server, which changes the live board for everyone at once.
 */
export function BoardHistoryDialog({ boardId, onClose }: { boardId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const { list, reload } = useVersionList(boardId);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [previewRound, setPreviewRound] = useState(0);
  const preview = useVersionPreview(boardId, selectedId, previewRound);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  const formatTime = useVersionTime();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'done', text: await action() });
      reload();
      setPreviewRound((n) => n + 1);
    } catch (error) {
      setOutcome({ kind: 'error', text: historyErrorText(t, error) });
    } finally {
      setBusy(false);
    }
  };
  const onRestoreBoard = () => {
    if (!selectedId) return;
    void run(async () => {
      const result = await restoreBoard(boardId, selectedId);
      const removed = result.removed > 0 ? ` ${t('versions.restoredRemoved', { count: result.removed })}` : '';
      const undo =
        result.undoTakenAt === null ? '' : ` ${t('versions.restoredUndo', { time: formatTime(result.undoTakenAt) })}`;
      return `${t('versions.restored', { count: result.restored })}${removed}${undo}`;
    });
  };
  const onRestoreNote = (noteId: string) => {
    if (!selectedId) return;
    void run(async () => {
      await restoreNote(boardId, selectedId, noteId);
      return t('versions.noteRestored');
    });
  };

  return (
    <dialog
      ref={dialog}
      className="history-dialog"
      aria-labelledby="history-dialog-title"
      data-testid="history-dialog"
      onClose={onClose}
    >
      <header className="history-dialog-head">
        {selectedId && (
          <button
            type="button"
            className="button button-ghost button-small history-back"
            onClick={() => setSelectedId(null)}
          >
            <Icon name="arrow" />
            <span>{t('versions.back')}</span>
          </button>
        )}
        <div>
          <h2 id="history-dialog-title">{t('versions.title')}</h2>
          <p className="muted">{t('versions.intro')}</p>
        </div>
        <button
          type="button"
          className="button button-ghost history-close"
          aria-label={t('versions.close')}
          data-testid="history-close"
          onClick={onClose}
        >
          <Icon name="close" />
        </button>
      </header>
      {outcome && (
        <p
          className={outcome.kind === 'error' ? 'notice notice-error' : 'notice history-done'}
          role={outcome.kind === 'error' ? 'alert' : 'status'}
          data-testid="history-outcome"
        >
          {outcome.text}
        </p>
      )}
      <div className={selectedId ? 'history-layout history-layout-selected' : 'history-layout'}>
        <div className="history-list-pane">
          {list.state === 'loading' && (
            <p className="muted" aria-busy="true">
              {t('versions.loading')}
            </p>
          )}
          {list.state === 'error' && (
            <div className="notice notice-error" role="alert">
              <p>{historyErrorText(t, list.error)}</p>
              <button type="button" className="button button-small" onClick={reload}>
                {t('versions.retry')}
              </button>
            </div>
          )}
          {list.state === 'ready' && list.value.snapshots.length === 0 && (
            <div className="history-empty" data-testid="history-empty">
              <div className="empty-art" aria-hidden="true">
                <span />
                <span />
                <span />
              </div>
              <p className="muted">{t('versions.empty')}</p>
            </div>
          )}
          {list.state === 'ready' && list.value.snapshots.length > 0 && (
            <VersionList snapshots={list.value.snapshots} selectedId={selectedId} onSelect={setSelectedId} />
          )}
        </div>
        <div className="history-preview-pane">
          {!selectedId && list.state === 'ready' && list.value.snapshots.length > 0 && (
            <p className="history-hint muted">{t('versions.pick')}</p>
          )}
          {preview?.state === 'loading' && (
            <p className="muted" aria-busy="true">
              {t('versions.loadingPreview')}
            </p>
          )}
          {preview?.state === 'error' && (
            <p className="notice notice-error" role="alert">
              {historyErrorText(t, preview.error)}
            </p>
          )}
          {preview?.state === 'ready' && (
            <VersionPreview
              preview={preview.value}
              archived={list.state === 'ready' && list.value.archived}
              busy={busy}
              onRestoreBoard={onRestoreBoard}
              onRestoreNote={onRestoreNote}
            />
          )}
        </div>
      </div>
    </dialog>
  );
}
