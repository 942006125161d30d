import { useTranslation } from 'react-i18next';
import { setSingleKeyShortcuts, useSingleKeyShortcuts } from './shortcutSetting';

/** Switches the board's one-key shortcuts on or off (WCAG 2.1.4); remembered on this device. */
export function ShortcutsToggle() {
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
}
