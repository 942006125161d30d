import { type ClusterView, NOTE_COLORS, type NoteColor, type NoteView } from '@samle/shared';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { NoteVotes } from '../facilitation/NoteVotes';
import { placeInCluster } from '../ops/grouping';
import { recolorNotes } from '../ops/noteBatch';
import { Icon } from '../ui/Icon';
import { NoteText } from './NoteText';
import { NOTE_COLOR_STYLES } from './noteColors';

/** One note in the list view: its text field, author, vote control or total, and native controls for every action. */
export function ListNoteItem(props: {
  note: NoteView;
  doc: Y.Doc;
  /** The theme the note is in, when that theme exists. */
  cluster: ClusterView | undefined;
  clusters: readonly ClusterView[];
  readOnly: boolean;
  anonymous: boolean;
  /** Name the note's theme under it (in the ranking, where notes are not grouped by theme and there is no theme select). */
  showTheme: boolean;
  step: (change: () => void) => void;
  onRemove: () => void;
  /** A private draft (private writing): no votes, no theme until it is revealed. */
  draft?: boolean;
}) {
  const { note, doc, cluster, clusters, readOnly, anonymous, showTheme, step, onRemove, draft = false } = props;
  const { t } = useTranslation();
  return (
    <li
      className={draft ? 'list-note list-note-draft' : 'list-note'}
      data-testid={draft ? 'draft-note' : 'list-note'}
      data-note-id={note.id}
      style={
        {
          '--note-bg': NOTE_COLOR_STYLES[note.color].background,
          '--note-edge': NOTE_COLOR_STYLES[note.color].edge,
        } as CSSProperties
      }
    >
      <NoteText
        doc={doc}
        noteId={note.id}
        editing
        readOnly={readOnly}
        label={t('note.textLabel')}
        placeholder={t('note.placeholder')}
        className="list-note-text"
      />
      <div className="list-note-meta">
        {draft ? (
          <span className="note-draft-tag">
            <Icon name="lock" />
            {t('privateWriting.onlyYou')}
          </span>
        ) : (
          <NoteVotes noteId={note.id} text={note.text} />
        )}
        {!anonymous && note.authorName && <span>{t('note.by', { name: note.authorName })}</span>}
        {showTheme && cluster && (
          <span>{t('facilitation.vote.inTheme', { title: cluster.title.trim() || t('cluster.untitled') })}</span>
        )}
        {readOnly && <span>{t(`colors.${note.color}`)}</span>}
      </div>
      {!readOnly && (
        <div className="row list-note-controls">
          <label className="list-control">
            <span>{t('list.color')}</span>
            <select
              data-testid="list-note-color"
              value={note.color}
              onChange={(event) => step(() => recolorNotes(doc, [note.id], event.target.value as NoteColor))}
            >
              {NOTE_COLORS.map((color) => (
                <option key={color} value={color}>
                  {t(`colors.${color}`)}
                </option>
              ))}
            </select>
          </label>
          {!draft && (
            <label className="list-control">
              <span>{t('list.theme')}</span>
              <select
                data-testid="list-note-cluster"
                value={cluster?.id ?? ''}
                onChange={(event) => step(() => placeInCluster(doc, note.id, event.target.value || null))}
              >
                <option value="">{t('list.unclustered')}</option>
                {clusters.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title.trim() || t('cluster.untitled')}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            className="button button-ghost button-small list-delete"
            data-testid="list-note-delete"
            aria-label={t('list.deleteNote', {
              text: note.text.trim().slice(0, 40) || t('note.labelEmpty'),
            })}
            onClick={onRemove}
          >
            <Icon name="trash" />
            {t('note.delete')}
          </button>
        </div>
      )}
    </li>
  );
}
