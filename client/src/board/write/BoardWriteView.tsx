import { createNote, type NoteColor, type NoteView } from '@samle/shared';
import { nanoid } from 'nanoid';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { NoteVotes } from '../../facilitation/NoteVotes';
import { besideContent, placeNewNote } from '../../interaction/notePlacement';
import { noteAuthor } from '../../ops/authorship';
import { deleteNotes } from '../../ops/noteBatch';
import type { Identity } from '../../presence/identity';
import { useDraftNotes } from '../../privateWriting/useDrafts';
import { handleLinkClick } from '../../routing/navigation';
import { boardPath } from '../../routing/routes';
import { useClusters, useNotes } from '../../sync/useBoardDoc';
import { Icon } from '../../ui/Icon';
import { ListNoteItem } from '../ListNoteItem';
import { NOTE_COLOR_STYLES } from '../noteColors';
import { boardOutline } from '../outline';
import type { BoardHistory } from '../useBoardHistory';
import { BoardPreview } from './BoardPreview';
import { isMine, rememberedNotes, rememberNote } from './myNotes';
import { NoteComposer } from './NoteComposer';

/**
 * Write mode, the phone's default view of a board: a composer, the person's
 * own notes with every action as a native control, the board fitted to the
 * screen, and everyone else's notes to read and vote on. The canvas is one
 * tap away.
 */
export function BoardWriteView(props: {
  boardId: string;
  doc: Y.Doc;
  drafts: Y.Doc | undefined;
  holdNewNotes: boolean;
  identity: Identity;
  readOnly: boolean;
  anonymous: boolean;
  history: BoardHistory;
}) {
  const { boardId, doc, drafts, holdNewNotes, identity, readOnly, anonymous, history } = props;
  const { t } = useTranslation();
  const notes = useNotes(doc);
  const draftNotes = useDraftNotes(drafts);
  const clusters = useClusters(doc);
  const [remembered, setRemembered] = useState(() => rememberedNotes(localStorage, boardId));
  const [announcement, setAnnouncement] = useState('');
  const mineHeading = useRef<HTMLHeadingElement>(null);

  const ordered = useMemo(() => boardOutline(notes, clusters).flatMap((section) => section.notes), [notes, clusters]);
  const mine = ordered.filter((note) => isMine(note, identity.userId, remembered));
  const others = ordered.filter((note) => !isMine(note, identity.userId, remembered));

  const step = (change: () => void) => {
    history.checkpoint();
    change();
    history.checkpoint();
  };

  const add = (text: string, color: NoteColor) => {
    if (holdNewNotes) return;
    const id = nanoid();
    const centre = besideContent([...notes, ...clusters]);
    // During private writing a new note is a draft, in this person's own doc.
    const into = drafts ?? doc;
    step(() =>
      createNote(into, {
        id,
        ...placeNewNote(centre, [...notes, ...draftNotes]),
        ...noteAuthor(identity, anonymous),
        text,
        color,
        createdAt: Date.now(),
      }),
    );
    rememberNote(localStorage, boardId, id);
    setRemembered(rememberedNotes(localStorage, boardId));
    setAnnouncement(t('note.created'));
  };

  const remove = (note: NoteView, from: Y.Doc) => {
    step(() => deleteNotes(from, [note.id]));
    setAnnouncement(t('selection.deleted', { count: 1 }));
    mineHeading.current?.focus();
  };

  const item = (note: NoteView, from: Y.Doc, draft: boolean) => (
    <ListNoteItem
      key={note.id}
      note={note}
      doc={from}
      cluster={clusters.find((c) => c.id === note.clusterId)}
      clusters={draft ? [] : clusters}
      readOnly={readOnly}
      anonymous={anonymous}
      showTheme={false}
      step={step}
      draft={draft}
      onRemove={() => remove(note, from)}
    />
  );

  return (
    <div className="write-view" data-testid="write-view">
      <div className="write-view-inner">
        {!readOnly && <NoteComposer disabled={holdNewNotes} onAdd={add} />}
        <section className="write-section" aria-labelledby="write-mine">
          <h2 id="write-mine" className="list-heading" tabIndex={-1} ref={mineHeading}>
            {t('write.mine')}
            <span className="list-heading-count">{t('cluster.count', { count: mine.length + draftNotes.length })}</span>
          </h2>
          {mine.length + draftNotes.length === 0 ? (
            <p className="muted list-empty">{readOnly ? t('write.noneReadOnly') : t('write.none')}</p>
          ) : (
            <ul className="list-notes" data-testid="my-notes">
              {drafts && draftNotes.map((note) => item(note, drafts, true))}
              {mine.map((note) => item(note, doc, false))}
            </ul>
          )}
        </section>
        <section className="write-section" aria-labelledby="write-board">
          <div className="row write-section-head">
            <h2 id="write-board" className="list-heading">
              {t('write.board')}
            </h2>
            <a
              className="button button-ghost button-small"
              href={boardPath(boardId, 'canvas', { explicit: true })}
              data-testid="open-canvas"
              onClick={(event) => handleLinkClick(event, boardPath(boardId, 'canvas', { explicit: true }))}
            >
              <Icon name="frame" />
              {t('write.openCanvas')}
            </a>
          </div>
          <BoardPreview doc={doc} notes={notes} clusters={clusters} hideAuthors={anonymous} />
        </section>
        <section className="write-section" aria-labelledby="write-others">
          <h2 id="write-others" className="list-heading">
            {t('write.others')}
            <span className="list-heading-count">{t('cluster.count', { count: others.length })}</span>
          </h2>
          {others.length === 0 ? (
            <p className="muted list-empty">{t('write.noOthers')}</p>
          ) : (
            <ul className="write-others" data-testid="other-notes">
              {others.map((note) => (
                <li
                  key={note.id}
                  className="write-other"
                  data-testid="other-note"
                  data-note-id={note.id}
                  style={{ borderLeftColor: NOTE_COLOR_STYLES[note.color].edge }}
                >
                  <p className="write-other-text">{note.text.trim() || t('note.labelEmpty')}</p>
                  <div className="list-note-meta">
                    <NoteVotes noteId={note.id} text={note.text} />
                    {!anonymous && note.authorName && <span>{t('note.by', { name: note.authorName })}</span>}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <div className="sr-only" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
