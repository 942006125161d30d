import type { HistoryNote, HistoryPreview } from '@samle/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_COLOR_STYLES, NOTE_INK } from '../board/noteColors';

/**
 * One snapshot: what the board held then (notes by theme), which of those notes are gone
 * from the board now (each can be put back), and restoring the whole board after a confirmation.
 */
export function VersionPreview(props: {
  preview: HistoryPreview;
  /** The board is archived: nothing can be restored. */
  archived: boolean;
  busy: boolean;
  onRestoreBoard: () => void;
  onRestoreNote: (noteId: string) => void;
}) {
  const { preview, archived, busy, onRestoreBoard, onRestoreNote } = props;
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const deleted = preview.notes.filter((note) => note.deletedSince).length;
  const groups = useMemo(() => groupByCluster(preview), [preview]);

  return (
    <section className="version-preview" aria-labelledby="version-preview-title" data-testid="version-preview">
      <header className="version-preview-head">
        <h3 id="version-preview-title">{t('versions.previewTitle', { count: preview.notes.length })}</h3>
        <p className="muted">
          {deleted > 0 ? t('versions.deletedSince', { count: deleted }) : t('versions.nothingDeleted')}
          {preview.addedSince > 0 && ` ${t('versions.addedSince', { count: preview.addedSince })}`}
        </p>
        {!archived && !confirming && (
          <button
            type="button"
            className="button button-primary"
            data-testid="version-restore"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            {t('versions.restoreBoard')}
          </button>
        )}
        {archived && <p className="notice">{t('versions.archived')}</p>}
        {confirming && (
          <fieldset className="version-confirm" aria-label={t('versions.confirmLabel')}>
            <p>{t('versions.confirmText')}</p>
            <ul className="version-confirm-list">
              {deleted > 0 && <li>{t('versions.confirmBack', { count: deleted })}</li>}
              <li>{t('versions.confirmChanges')}</li>
              {preview.addedSince > 0 && <li>{t('versions.confirmRemoved', { count: preview.addedSince })}</li>}
            </ul>
            <p className="muted">{t('versions.undoHint')}</p>
            <div className="dialog-actions">
              <button type="button" className="button button-ghost" onClick={() => setConfirming(false)}>
                {t('facilitation.cancel')}
              </button>
              <button
                type="button"
                className="button button-primary"
                data-testid="version-restore-confirm"
                disabled={busy}
                // The confirmation appears where the focus was; move it onto the decision.
                ref={(button) => button?.focus()}
                onClick={() => {
                  setConfirming(false);
                  onRestoreBoard();
                }}
              >
                {t('versions.restoreConfirm')}
              </button>
            </div>
          </fieldset>
        )}
      </header>
      {preview.notes.length === 0 ? (
        <p className="version-empty muted">{t('versions.emptyBoard')}</p>
      ) : (
        groups.map((group) => (
          <div key={group.id ?? 'loose'} className="version-group">
            {group.title !== null && (
              <h4 className="version-group-title">{group.title || t('versions.untitledTheme')}</h4>
            )}
            <ul className="version-notes">
              {group.notes.map((note) => (
                <li
                  key={note.id}
                  className={note.deletedSince ? 'version-note version-note-deleted' : 'version-note'}
                  data-testid="version-note"
                  style={{ background: NOTE_COLOR_STYLES[note.color].background, color: NOTE_INK }}
                >
                  <p className="version-note-text">{note.text || t('versions.emptyNote')}</p>
                  {note.deletedSince && (
                    <div className="row version-note-foot">
                      <span className="version-note-tag">{t('versions.notOnBoard')}</span>
                      {!archived && (
                        <button
                          type="button"
                          className="button button-small"
                          data-testid="version-note-restore"
                          disabled={busy}
                          aria-label={t('versions.restoreNoteLabel', { text: note.text.slice(0, 60) })}
                          onClick={() => onRestoreNote(note.id)}
                        >
                          {t('versions.restoreNote')}
                        </button>
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}

interface NoteGroup {
  id: string | null;
  /** null for notes outside any theme. */
  title: string | null;
  notes: HistoryNote[];
}

/** Notes under their theme's title (themes in the snapshot's order), then those outside any theme. */
export function groupByCluster(preview: HistoryPreview): NoteGroup[] {
  const groups: NoteGroup[] = preview.clusters.map((cluster) => ({ id: cluster.id, title: cluster.title, notes: [] }));
  const byId = new Map(groups.map((group) => [group.id, group]));
  const loose: NoteGroup = { id: null, title: null, notes: [] };
  for (const note of preview.notes) (byId.get(note.clusterId ?? '') ?? loose).notes.push(note);
  return [...groups.filter((group) => group.notes.length > 0), ...(loose.notes.length > 0 ? [loose] : [])];
}
