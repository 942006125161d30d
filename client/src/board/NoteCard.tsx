import { NOTE_SIZES, type NoteSize, type NoteView } from '@samle/shared';
import { type CSSProperties, memo, type ReactNode, type RefObject, useLayoutEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { NoteVotes } from '../facilitation/NoteVotes';
import { Icon } from '../ui/Icon';
import { NoteText } from './NoteText';
import { NOTE_COLOR_STYLES } from './noteColors';

export interface NoteLabels {
  label: (text: string) => string;
  empty: string;
  textLabel: string;
  placeholder: string;
  by: (name: string) => string;
  /** A private draft's label for screen readers, and its visible "only you" tag. */
  draftLabel: (text: string) => string;
  draftEmpty: string;
  onlyYou: string;
}

/**
 * One sticky note, positioned in board coordinates inside the zoomed layer.
 * Pointer handling is delegated to the canvas (it finds the note by
 * `data-note-id`), so a note only renders and reports focus. A `draft` is a
 * note in this person's private drafts (private writing): the same note,
 * marked "only you", without votes.
 */
export const NoteCard = memo(function NoteCard(props: {
  note: NoteView;
  doc: Y.Doc;
  /** Place in the board's stacking order (the DOM is in reading order). */
  stack: number;
  /** Out of view: only the focusable box, so Tab still reaches it (the board pans to it). */
  outOfView?: boolean;
  /** A big board zoomed far out: the text as plain text, without its editor, author or votes. */
  sketch?: boolean;
  selected: boolean;
  editing: boolean;
  /** Opened by a link (`?note=`): a ring that fades after a few seconds. */
  highlighted?: boolean;
  readOnly: boolean;
  /** The theme the note belongs to, when that theme exists. */
  clusterId: string | undefined;
  /** The board is anonymous: no author is shown. */
  hideAuthor: boolean;
  labels: NoteLabels;
  /** The note lives in this person's drafts doc, not on the board. */
  draft?: boolean;
  /** `byKeyboard`: the focus ring shows (Tab, not a click). */
  onFocusNote: (id: string, byKeyboard: boolean) => void;
  onTextFocus: (id: string) => void;
  onTextBlur: (id: string) => void;
}) {
  const {
    note,
    doc,
    stack,
    outOfView = false,
    sketch = false,
    selected,
    editing,
    highlighted = false,
    readOnly,
    clusterId,
    hideAuthor,
    labels,
    draft = false,
    onFocusNote,
    onTextFocus,
    onTextBlur,
  } = props;
  const colors = NOTE_COLOR_STYLES[note.color];
  const style = {
    transform: `translate(${note.x}px, ${note.y}px)`,
    width: note.w,
    '--note-h': `${note.h}px`,
    '--note-bg': colors.background,
    '--note-edge': colors.edge,
    '--note-stack': stack,
  } as CSSProperties;
  const summary = note.text.trim().slice(0, 80);
  const label = draft
    ? summary
      ? labels.draftLabel(summary)
      : labels.draftEmpty
    : summary
      ? labels.label(summary)
      : labels.empty;

  return (
    <ClippedNote text={note.text} w={note.w} h={note.h} shown={!outOfView && !sketch}>
      {(ref, clipped) => (
        // biome-ignore lint/a11y/useSemanticElements: a note is a focusable, positioned group holding a textarea; <fieldset> does not fit.
        <div
          ref={ref}
          className={draft ? 'note note-draft' : 'note'}
          role="group"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the note is the keyboard stop; Enter edits its text.
          tabIndex={0}
          data-testid={draft ? 'draft-note' : 'note'}
          data-note-id={note.id}
          data-color={note.color}
          data-cluster-id={clusterId}
          data-size={sizeName(note)}
          data-selected={selected || undefined}
          data-editing={editing || undefined}
          data-highlighted={highlighted || undefined}
          data-clipped={clipped || undefined}
          data-out-of-view={outOfView || undefined}
          data-sketch={(sketch && !outOfView) || undefined}
          aria-label={label}
          style={style}
          onFocus={(event) => {
            const el = event.currentTarget;
            if (event.target === el) onFocusNote(note.id, el.matches(':focus-visible'));
          }}
        >
          {outOfView ? null : sketch ? (
            <p className="note-sketch" aria-hidden="true">
              {note.text}
            </p>
          ) : (
            <NoteContent
              note={note}
              doc={doc}
              editing={editing}
              readOnly={readOnly}
              hideAuthor={hideAuthor}
              labels={labels}
              draft={draft}
              onTextFocus={onTextFocus}
              onTextBlur={onTextBlur}
            />
          )}
        </div>
      )}
    </ClippedNote>
  );
});

/** What a note in view shows: its text editor, and its author and votes or the "only you" tag. */
function NoteContent(props: {
  note: NoteView;
  doc: Y.Doc;
  editing: boolean;
  readOnly: boolean;
  hideAuthor: boolean;
  labels: NoteLabels;
  draft: boolean;
  onTextFocus: (id: string) => void;
  onTextBlur: (id: string) => void;
}) {
  const { note, doc, editing, readOnly, hideAuthor, labels, draft, onTextFocus, onTextBlur } = props;
  return (
    <>
      <NoteText
        doc={doc}
        noteId={note.id}
        editing={editing}
        readOnly={readOnly}
        label={labels.textLabel}
        placeholder={labels.placeholder}
        onFocus={onTextFocus}
        onBlur={onTextBlur}
      />
      {draft ? (
        <span className="note-draft-tag" aria-hidden="true">
          <Icon name="lock" />
          {labels.onlyYou}
        </span>
      ) : (
        <>
          {note.authorName && !hideAuthor && <span className="note-author">{labels.by(note.authorName)}</span>}
          <NoteVotes noteId={note.id} text={note.text} />
        </>
      )}
    </>
  );
}

/**
 * Tells a note whether its text is longer than the note shows, so it can end
 * in an ellipsis and open to the whole text while it has focus.
 */
function ClippedNote(props: {
  text: string;
  w: number;
  h: number;
  /** In view with its text: a box out of view has nothing to measure. */
  shown: boolean;
  children: (ref: RefObject<HTMLDivElement | null>, clipped: boolean) => ReactNode;
}) {
  const { text, w, h, shown, children } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [clipped, setClipped] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: text, size and coming into view are the triggers — the textarea is measured after each change.
  useLayoutEffect(() => {
    if (!shown) return;
    const note = ref.current;
    const measure = () => {
      const area = note?.querySelector('textarea');
      // While it has focus the note shows all of its text; it is measured again when focus leaves.
      if (!note || !area || note.contains(document.activeElement)) return;
      area.scrollTop = 0;
      setClipped(area.scrollHeight > area.clientHeight + 1);
    };
    measure();
    const onFocusOut = () => requestAnimationFrame(measure);
    note?.addEventListener('focusout', onFocusOut);
    return () => note?.removeEventListener('focusout', onFocusOut);
  }, [text, w, h, shown]);
  return children(ref, clipped);
}

/** The size preset a note matches, if any. */
export function sizeName(note: Pick<NoteView, 'w' | 'h'>): NoteSize | undefined {
  return (Object.keys(NOTE_SIZES) as NoteSize[]).find(
    (key) => NOTE_SIZES[key].w === note.w && NOTE_SIZES[key].h === note.h,
  );
}
