import { memo, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChords, parseChord } from '../interaction/keyChords';
import { ACTION_ROWS, type BoardAction } from './boardActions';
import { setSingleKeyShortcuts, useSingleKeyShortcuts } from './shortcutSetting';
import './shortcuts.css';

/** Switches the board's one-key shortcuts on or off (WCAG 2.1.4); remembered on this device. */
// Both memoised: the workspace around them re-renders on every frame of a drag.
export const ShortcutsToggle = memo(function ShortcutsToggle() {
  const { t } = useTranslation();
  const on = useSingleKeyShortcuts();
  return (
    <button
      type="button"
      className="shortcuts-toggle"
      data-testid="single-key-shortcuts"
      aria-pressed={on}
      title={t('shortcuts.hint')}
      onClick={() => setSingleKeyShortcuts(!on)}
    >
      {t('shortcuts.toggle')}
    </button>
  );
});

/** A row's announced keys as a person reads them, e.g. "Ctrl+Shift+Z · Ctrl+Y". */
export function rowKeys(row: BoardAction, mod: string): string[] {
  return [
    ...new Set(
      formatChords(
        row.keys.filter((b) => !b.alias).map((b) => parseChord(b.chord)),
        mod,
      ),
    ),
  ];
}

/**
 * Every keyboard shortcut of the board, listed from the actions table — the same
 * rows the keys and the toolbars use, so the list cannot drift from them. On a
 * read-only board only what can be done there. A modal dialog: it fits a phone,
 * Escape closes it and the focus goes back to the button that opened it.
 */
export const ShortcutsHelp = memo(function ShortcutsHelp({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const rows = ACTION_ROWS.filter((row) => row.keys.length > 0 && !(readOnly && row.writes));
  return (
    <div className="shortcuts-help" data-testid="shortcuts-help">
      <button
        ref={opener}
        type="button"
        className="shortcuts-help-open"
        aria-haspopup="dialog"
        data-testid="shortcuts-help-open"
        onClick={() => dialog.current?.showModal()}
      >
        {t('shortcuts.list')}
      </button>
      <dialog
        ref={dialog}
        className="dialog shortcuts-help-panel"
        aria-labelledby={headingId}
        data-testid="shortcuts-help-dialog"
        onClose={() => opener.current?.focus()}
      >
        <h2 id={headingId} className="shortcuts-help-title">
          {t('shortcuts.list')}
        </h2>
        <p className="shortcuts-help-hint">{t('shortcuts.listHint')}</p>
        <dl>
          {rows.map((row) => (
            <div key={row.id} className="shortcuts-help-row" data-action={row.id}>
              <dt>
                {rowKeys(row, t('keys.mod')).map((keys) => (
                  <kbd key={keys}>{keys}</kbd>
                ))}
              </dt>
              <dd>{t(row.label)}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="button shortcuts-help-close" onClick={() => dialog.current?.close()}>
          {t('shortcuts.close')}
        </button>
      </dialog>
    </div>
  );
});
