import { NOTE_MAX_TEXT, notesOf, noteText } from '@samle/shared';
import { useRef } from 'react';
import type * as Y from 'yjs';
import { useTextField } from './useTextField';

/**
 * The note's textarea, bound to its Y.Text. On the canvas it is always
 * mounted and editable, but out of the tab order until the note is being
 * edited: the note itself is the keyboard stop, Enter moves in here. The list
 * view keeps it in the tab order.
 */
export function NoteText(props: {
  doc: Y.Doc;
  noteId: string;
  editing: boolean;
  readOnly: boolean;
  label: string;
  placeholder: string;
  onFocus?: (id: string) => void;
  onBlur?: (id: string) => void;
  className?: string;
}) {
  const { doc, noteId, editing, readOnly, label, placeholder, onFocus, onBlur, className = 'note-text' } = props;
  const ref = useRef<HTMLTextAreaElement>(null);
  const note = notesOf(doc).get(noteId);
  const onInput = useTextField(ref, note && noteText(note));

  return (
    <textarea
      ref={ref}
      className={className}
      data-testid="note-text"
      aria-label={label}
      placeholder={placeholder}
      maxLength={NOTE_MAX_TEXT}
      readOnly={readOnly}
      tabIndex={editing ? 0 : -1}
      spellCheck={editing}
      onInput={onInput}
      onFocus={() => onFocus?.(noteId)}
      onBlur={() => onBlur?.(noteId)}
    />
  );
}
