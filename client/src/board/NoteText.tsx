import { NOTE_MAX_TEXT, notesOf, noteText } from '@samle/shared';
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { bindText, type TextBinding } from '../interaction/textBinding';

/**
 * The note's textarea, bound to its Y.Text (see textBinding.ts). It is always
 * mounted and editable, but out of the tab order until the note is being
 * edited: the note itself is the keyboard stop, Enter moves in here.
 */
export function NoteText(props: {
  doc: Y.Doc;
  noteId: string;
  editing: boolean;
  readOnly: boolean;
  label: string;
  placeholder: string;
  onFocus: (id: string) => void;
  onBlur: (id: string) => void;
}) {
  const { doc, noteId, editing, readOnly, label, placeholder, onFocus, onBlur } = props;
  const ref = useRef<HTMLTextAreaElement>(null);
  const binding = useRef<TextBinding>(undefined);

  useEffect(() => {
    const element = ref.current;
    const note = notesOf(doc).get(noteId);
    const text = note && noteText(note);
    if (!element || !text) return;
    binding.current = bindText(text, {
      getValue: () => element.value,
      setValue: (value) => {
        element.value = value;
      },
      getSelection: () =>
        document.activeElement === element ? [element.selectionStart, element.selectionEnd] : undefined,
      setSelection: (start, end) => element.setSelectionRange(start, end),
    });
    return () => {
      binding.current?.destroy();
      binding.current = undefined;
    };
  }, [doc, noteId]);

  return (
    <textarea
      ref={ref}
      className="note-text"
      data-testid="note-text"
      aria-label={label}
      placeholder={placeholder}
      maxLength={NOTE_MAX_TEXT}
      readOnly={readOnly}
      tabIndex={editing ? 0 : -1}
      spellCheck={editing}
      onInput={() => binding.current?.handleInput()}
      onFocus={() => onFocus(noteId)}
      onBlur={() => onBlur(noteId)}
    />
  );
}
