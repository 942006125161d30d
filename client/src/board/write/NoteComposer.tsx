import { NOTE_COLORS, NOTE_MAX_TEXT, type NoteColor } from '@samle/shared';
import { type ClipboardEvent, type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';
import { NOTE_COLOR_STYLES } from '../noteColors';
import { charactersLeft, pasteWithin } from './textLimit';

/**
 * Write mode's composer: type a note, pick its colour, put it on the board.
 * Near the limit it counts the characters left; a paste that does not fit is
 * cut, and it says by how much instead of dropping text without a word.
 */
export function NoteComposer(props: { disabled: boolean; onAdd: (text: string, color: NoteColor) => void }) {
  const { disabled, onAdd } = props;
  const { t, i18n } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [color, setColor] = useState<NoteColor>('yellow');
  const [cut, setCut] = useState(0);
  const field = useRef<HTMLTextAreaElement>(null);
  const left = charactersLeft(text.length, NOTE_MAX_TEXT);
  const number = new Intl.NumberFormat(i18n.language);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (disabled || text.trim() === '') return;
    onAdd(text, color);
    setText('');
    setCut(0);
    field.current?.focus();
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = event.clipboardData.getData('text/plain');
    const area = event.currentTarget;
    const result = pasteWithin(text, area.selectionStart, area.selectionEnd, pasted, NOTE_MAX_TEXT);
    if (result.cut === 0) {
      setCut(0);
      return;
    }
    event.preventDefault();
    setText(result.text);
    setCut(result.cut);
    requestAnimationFrame(() => area.setSelectionRange(result.caret, result.caret));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter keeps making new lines; ctrl/⌘+Enter puts the note up, as in chat apps.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
  };

  return (
    <form className="composer" data-testid="composer" onSubmit={submit} aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={`${id}-text`} className="composer-label">
        {t('write.composerLabel')}
      </label>
      <textarea
        ref={field}
        id={`${id}-text`}
        className="composer-text"
        data-testid="composer-text"
        value={text}
        maxLength={NOTE_MAX_TEXT}
        rows={3}
        placeholder={t('write.composerPlaceholder')}
        aria-describedby={`${id}-limit`}
        style={{ background: NOTE_COLOR_STYLES[color].background, borderColor: NOTE_COLOR_STYLES[color].edge }}
        onChange={(event) => {
          setText(event.target.value);
          if (cut > 0 && event.target.value.length < NOTE_MAX_TEXT) setCut(0);
        }}
        onPaste={onPaste}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-limit`} className="composer-limit" aria-live="polite" data-testid="composer-limit">
        {cut > 0
          ? t('text.pasteCut', { count: cut, cut: number.format(cut), max: number.format(NOTE_MAX_TEXT) })
          : left !== undefined
            ? t('text.charactersLeft', { count: left, left: number.format(left) })
            : ''}
      </p>
      <div className="row composer-row">
        <fieldset className="swatches composer-colors">
          <legend className="sr-only">{t('note.colorGroup')}</legend>
          {NOTE_COLORS.map((name) => (
            <label
              key={name}
              className="swatch swatch-radio"
              title={t(`colors.${name}`)}
              style={{ background: NOTE_COLOR_STYLES[name].background, borderColor: NOTE_COLOR_STYLES[name].edge }}
            >
              <input
                type="radio"
                name={`${id}-color`}
                className="sr-only"
                value={name}
                checked={color === name}
                data-testid={`composer-color-${name}`}
                onChange={() => setColor(name)}
              />
              <span className="sr-only">{t(`colors.${name}`)}</span>
            </label>
          ))}
        </fieldset>
        <button
          type="submit"
          className="button button-primary composer-submit"
          data-testid="composer-add"
          aria-disabled={disabled || text.trim() === ''}
        >
          <Icon name="plus" />
          {t('write.add')}
        </button>
      </div>
    </form>
  );
}
