import { createNote, NOTE_COLORS, type NoteColor, type NoteView } from '@samle/shared';
import { nanoid } from 'nanoid';
import { type CSSProperties, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { historyCommand } from '../interaction/boardKeys';
import { besideContent, placeNewNote } from '../interaction/notePlacement';
import { noteAuthor } from '../ops/authorship';
import { placeInCluster } from '../ops/grouping';
import { deleteNotes, recolorNotes } from '../ops/noteBatch';
import type { Identity } from '../presence/identity';
import { useClusters, useNotes } from '../sync/useBoardDoc';
import { Icon } from '../ui/Icon';
import { CLUSTER_COLOR_STYLES } from './clusterColors';
import { NoteText } from './NoteText';
import { NOTE_COLOR_STYLES } from './noteColors';
import { boardOutline } from './outline';
import type { BoardHistory } from './useBoardHistory';

/**
 * The board as semantic HTML, for screen readers and keyboards: each theme an
 * <h2> with its notes as a list, then the notes in no theme. Every note action
 * is a native control (text field, selects, button), so Tab reaches them all.
 */
export function BoardListView(props: {
  doc: Y.Doc;
  identity: Identity;
  readOnly: boolean;
  anonymous: boolean;
  history: BoardHistory;
}) {
  const { doc, identity, readOnly, anonymous, history } = props;
  const { t } = useTranslation();
  const notes = useNotes(doc);
  const clusters = useClusters(doc);
  const outline = boardOutline(notes, clusters);
  const [focusNote, setFocusNote] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);

  // Put the caret into a note that was just added, once it is rendered.
  useEffect(() => {
    if (!focusNote) return;
    const field = rootRef.current?.querySelector<HTMLTextAreaElement>(
      `[data-note-id="${CSS.escape(focusNote)}"] textarea`,
    );
    if (!field) return;
    setFocusNote(undefined);
    field.focus();
  });

  const step = (change: () => void) => {
    history.checkpoint();
    change();
    history.checkpoint();
  };

  const addNote = () => {
    const id = nanoid();
    const centre = besideContent([...notes, ...clusters]);
    const author = noteAuthor(identity, anonymous);
    step(() => createNote(doc, { id, ...placeNewNote(centre, notes), ...author, createdAt: Date.now() }));
    setAnnouncement(t('note.created'));
    setFocusNote(id);
  };

  const remove = (note: NoteView, sectionHeading: string) => {
    step(() => deleteNotes(doc, [note.id]));
    setAnnouncement(t('selection.deleted', { count: 1 }));
    rootRef.current?.querySelector<HTMLElement>(`#${CSS.escape(sectionHeading)}`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (readOnly) return;
    const command = historyCommand(event);
    if (!command) return;
    event.preventDefault();
    if (command.kind === 'undo') history.undo();
    else history.redo();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the container only catches ctrl/⌘+Z for the whole list.
    <div className="list-view" data-testid="list-view" ref={rootRef} onKeyDown={onKeyDown}>
      <div className="list-view-inner">
        <div className="list-view-bar">
          <p className="muted list-view-summary">
            {t('list.summary', { notes: notes.length, themes: clusters.length })}
          </p>
          {!readOnly && (
            <div className="list-view-actions">
              <button
                type="button"
                className="button button-ghost button-small"
                data-testid="undo"
                aria-disabled={!history.canUndo}
                onClick={() => history.canUndo && history.undo()}
              >
                <Icon name="undo" />
                {t('board.undo')}
              </button>
              <button
                type="button"
                className="button button-ghost button-small"
                data-testid="redo"
                aria-disabled={!history.canRedo}
                onClick={() => history.canRedo && history.redo()}
              >
                <Icon name="redo" />
                {t('board.redo')}
              </button>
              <button
                type="button"
                className="button button-primary button-small"
                data-testid="add-note"
                onClick={addNote}
              >
                <Icon name="plus" />
                {t('board.addNote')}
              </button>
            </div>
          )}
        </div>
        {outline.map(({ cluster, notes: members }) => {
          const headingId = `list-heading-${cluster?.id ?? 'loose'}`;
          if (!cluster && members.length === 0 && clusters.length > 0) return null;
          return (
            <section key={cluster?.id ?? 'loose'} className="list-section" aria-labelledby={headingId}>
              <h2
                id={headingId}
                className="list-heading"
                tabIndex={-1}
                data-testid={cluster ? 'list-cluster' : 'list-unclustered'}
                data-cluster-id={cluster?.id}
              >
                {cluster && (
                  <span
                    className="list-theme-dot"
                    aria-hidden="true"
                    style={{
                      background: CLUSTER_COLOR_STYLES[cluster.color].header,
                      borderColor: CLUSTER_COLOR_STYLES[cluster.color].edge,
                    }}
                  />
                )}
                {cluster ? cluster.title.trim() || t('cluster.untitled') : t('list.unclustered')}
                <span className="list-heading-count">{t('cluster.count', { count: members.length })}</span>
              </h2>
              {members.length === 0 ? (
                <p className="muted list-empty">{t('list.emptyTheme')}</p>
              ) : (
                <ul className="list-notes">
                  {members.map((note) => (
                    <li
                      key={note.id}
                      className="list-note"
                      data-testid="list-note"
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
                        {!anonymous && note.authorName && <span>{t('note.by', { name: note.authorName })}</span>}
                        {readOnly && <span>{t(`colors.${note.color}`)}</span>}
                      </div>
                      {!readOnly && (
                        <div className="list-note-controls">
                          <label className="list-control">
                            <span>{t('list.color')}</span>
                            <select
                              data-testid="list-note-color"
                              value={note.color}
                              onChange={(event) =>
                                step(() => recolorNotes(doc, [note.id], event.target.value as NoteColor))
                              }
                            >
                              {NOTE_COLORS.map((color) => (
                                <option key={color} value={color}>
                                  {t(`colors.${color}`)}
                                </option>
                              ))}
                            </select>
                          </label>
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
                          <button
                            type="button"
                            className="button button-ghost button-small list-delete"
                            data-testid="list-note-delete"
                            aria-label={t('list.deleteNote', {
                              text: note.text.trim().slice(0, 40) || t('note.labelEmpty'),
                            })}
                            onClick={() => remove(note, headingId)}
                          >
                            <Icon name="trash" />
                            {t('note.delete')}
                          </button>
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      <div className="sr-only" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
