import { createNote, type NoteView } from '@samle/shared';
import { nanoid } from 'nanoid';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useVoting } from '../facilitation/useVoting';
import { besideContent, placeNewNote } from '../interaction/notePlacement';
import { noteAuthor } from '../ops/authorship';
import { deleteNotes } from '../ops/noteBatch';
import type { Identity } from '../presence/identity';
import { useDraftNotes } from '../privateWriting/useDrafts';
import { useClusters, useNotes } from '../sync/useBoardDoc';
import { Icon } from '../ui/Icon';
import { ActionButton, type ActionTools } from './ActionButton';
import { actionOf, isEnabled, selectionState } from './boardActions';
import { historyCommand } from './boardKeys';
import { CLUSTER_COLOR_STYLES } from './clusterColors';
import { ListNoteItem } from './ListNoteItem';
import { ListVoteRanking, ListVoteResults } from './ListVoteResults';
import { boardOutline } from './outline';
import type { BoardHistory } from './useBoardHistory';

const NOTHING_SELECTED = { kind: 'none' } as const;

/**
 * The board as semantic HTML, for screen readers and keyboards: each theme an
 * <h2> with its notes as a list, then the notes in no theme. Every note action
 * is a native control (text field, selects, button), so Tab reaches them all.
 */
export function BoardListView(props: {
  doc: Y.Doc;
  /** This person's drafts doc while private writing is on: new notes go there, listed first. */
  drafts: Y.Doc | undefined;
  /** Private writing is on but the drafts doc is not open yet: new notes wait. */
  holdNewNotes: boolean;
  identity: Identity;
  readOnly: boolean;
  anonymous: boolean;
  history: BoardHistory;
  /** Show the notes ranked by the closed vote's totals instead of by theme. */
  sortByVotes: boolean;
  onSortByVotes: (sorted: boolean) => void;
}) {
  const { doc, drafts, holdNewNotes, identity, readOnly, anonymous, history, sortByVotes, onSortByVotes } = props;
  const { vote } = useVoting();
  const results = vote?.status === 'closed' ? vote.results : null;
  const { t } = useTranslation();
  const notes = useNotes(doc);
  const draftNotes = useDraftNotes(drafts);
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
    if (holdNewNotes) return;
    const id = nanoid();
    const centre = besideContent([...notes, ...clusters]);
    const author = noteAuthor(identity, anonymous);
    // During private writing a new note is a draft, in this person's own doc.
    const into = drafts ?? doc;
    step(() =>
      createNote(into, { id, ...placeNewNote(centre, [...notes, ...draftNotes]), ...author, createdAt: Date.now() }),
    );
    setAnnouncement(t('note.created'));
    setFocusNote(id);
  };

  const remove = (note: NoteView, sectionHeading: string, from: Y.Doc = doc) => {
    step(() => deleteNotes(from, [note.id]));
    setAnnouncement(t('selection.deleted', { count: 1 }));
    rootRef.current?.querySelector<HTMLElement>(`#${CSS.escape(sectionHeading)}`)?.focus();
  };

  // The actions table's rows for the list's own buttons and keys: names, shortcuts and whether
  // they are enabled come from it; a note is added the list's way (a text field to type in).
  const tools: ActionTools = {
    state: selectionState(NOTHING_SELECTED, readOnly, history),
    run: (command) => {
      if (!isEnabled(actionOf(command), tools.state)) return;
      if (command.kind === 'addNote') addNote();
      else if (command.kind === 'undo') history.undo();
      else if (command.kind === 'redo') history.redo();
    },
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const command = historyCommand(event);
    if (!command) return;
    event.preventDefault();
    tools.run(command);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the container only catches ctrl/⌘+Z for the whole list.
    <div className="list-view" data-testid="list-view" ref={rootRef} onKeyDown={onKeyDown}>
      <div className="list-view-inner">
        <div className="row list-view-bar">
          <p className="muted list-view-summary">
            {t('list.summary', { notes: notes.length, themes: clusters.length })}
          </p>
          {!readOnly && (
            <div className="list-view-actions">
              <ActionButton
                command={{ kind: 'undo' }}
                tools={tools}
                className="button button-ghost button-small"
                testId="undo"
                icon="undo"
                text
              />
              <ActionButton
                command={{ kind: 'redo' }}
                tools={tools}
                className="button button-ghost button-small"
                testId="redo"
                icon="redo"
                text
              />
              <ActionButton
                command={{ kind: 'addNote' }}
                tools={tools}
                className="button button-primary button-small"
                testId="add-note"
                icon="plus"
                text
              />
            </div>
          )}
        </div>
        {drafts && (
          <section className="list-section list-section-drafts" aria-labelledby="list-heading-drafts">
            <h2 id="list-heading-drafts" className="list-heading" tabIndex={-1}>
              <Icon name="lock" />
              {t('privateWriting.listHeading')}
              <span className="list-heading-count">{t('cluster.count', { count: draftNotes.length })}</span>
            </h2>
            <ul className="list-notes">
              {draftNotes.map((note) => (
                <ListNoteItem
                  key={note.id}
                  note={note}
                  doc={drafts}
                  cluster={undefined}
                  clusters={[]}
                  readOnly={readOnly}
                  anonymous={anonymous}
                  showTheme={false}
                  step={step}
                  draft
                  onRemove={() => remove(note, 'list-heading-drafts', drafts)}
                />
              ))}
            </ul>
          </section>
        )}
        {results && <ListVoteResults notes={notes} results={results} sorted={sortByVotes} onSort={onSortByVotes} />}
        {results && sortByVotes ? (
          <ListVoteRanking
            notes={notes}
            results={results}
            renderNote={(note, headingId) => (
              <ListNoteItem
                key={note.id}
                note={note}
                doc={doc}
                cluster={clusters.find((c) => c.id === note.clusterId)}
                clusters={clusters}
                readOnly={readOnly}
                anonymous={anonymous}
                showTheme={readOnly}
                step={step}
                onRemove={() => remove(note, headingId)}
              />
            )}
          />
        ) : (
          outline.map(({ cluster, notes: members }) => {
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
                      <ListNoteItem
                        key={note.id}
                        note={note}
                        doc={doc}
                        cluster={cluster}
                        clusters={clusters}
                        readOnly={readOnly}
                        anonymous={anonymous}
                        showTheme={false}
                        step={step}
                        onRemove={() => remove(note, headingId)}
                      />
                    ))}
                  </ul>
                )}
              </section>
            );
          })
        )}
      </div>
      <div className="sr-only" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
