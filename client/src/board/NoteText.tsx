import { NOTE_MAX_TEXT, notesOf, noteText } from '@samle/shared';
import { type ClipboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useTextField } from './useTextField';
import { charactersLeft, pasteWithin } from './write/textLimit';

/**
 * The note's textarea, bound to its Y.Text. On the canvas it is always
 * mounted and editable, but out of the tab order until the note is being
 * edited: the note itself is the keyboard stop, Enter moves in here. The list
 * view keeps it in the tab order. While it has the focus and the text nears
 * the limit, a line under it counts the characters left; a paste that does not
 * fit is cut and the line says by how much (as in write mode's composer).
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
  const { t, i18n } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const note = notesOf(doc).get(noteId);
  const onInput = useTextField(ref, note && noteText(note));
  const [focused, setFocused] = useState(false);
  const [length, setLength] = useState(0);
  const [cut, setCut] = useState(0);
  const left = charactersLeft(length, NOTE_MAX_TEXT);
  const number = new Intl.NumberFormat(i18n.language);

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const area = event.currentTarget;
    const pasted = event.clipboardData.getData('text/plain');
    const result = pasteWithin(area.value, area.selectionStart, area.selectionEnd, pasted, NOTE_MAX_TEXT);
    if (result.cut === 0) {
      setCut(0);
      return;
    }
    event.preventDefault();
    area.value = result.text;
    area.setSelectionRange(result.caret, result.caret);
    onInput();
    setLength(result.text.length);
    setCut(result.cut);
  };

  const limit =
    focused && !readOnly
      ? cut > 0
        ? t('text.pasteCut', { count: cut, cut: number.format(cut), max: number.format(NOTE_MAX_TEXT) })
        : left !== undefined
          ? t('text.charactersLeft', { count: left, left: number.format(left) })
          : ''
      : '';

  return (
    <>
      <textarea
        ref={ref}
        className={className}
        data-testid="note-text"
        aria-label={label}
        aria-describedby={limit ? `${id}-limit` : undefined}
        placeholder={placeholder}
        maxLength={NOTE_MAX_TEXT}
        readOnly={readOnly}
        tabIndex={editing ? 0 : -1}
        spellCheck={editing}
        onInput={(event) => {
          onInput();
          setLength(event.currentTarget.value.length);
          if (event.currentTarget.value.length < NOTE_MAX_TEXT) setCut(0);
        }}
        onPaste={onPaste}
        onFocus={(event) => {
          setFocused(true);
          setLength(event.currentTarget.value.length);
          onFocus?.(noteId);
        }}
        onBlur={() => {
          setFocused(false);
          setCut(0);
          onBlur?.(noteId);
        }}
      />
      {limit && (
        <p id={`${id}-limit`} className="note-limit" aria-live="polite" data-testid="note-limit">
          {limit}
        </p>
      )}
    </>
  );
}
