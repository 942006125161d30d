import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { Popover } from '../ui/Popover';
import type { FacilitatorCommands } from './useFacilitatorCommands';

/**
 * The facilitator's anonymous-board switch, in the board's live tools. What it
 * does is said next to it, because turning it on cannot be undone for the notes
 * already written: the server removes their authors, also from the history.
 */
export function AnonymousSwitch({ anonymous, commands }: { anonymous: boolean; commands: FacilitatorCommands }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <Popover
      open={open}
      onClose={() => setOpen(false)}
      label={t('anonymous.title')}
      testId="anonymous-panel"
      trigger={(attributes) => (
        <button
          type="button"
          className="tool-button"
          data-testid="anonymous-settings"
          data-anonymous={anonymous || undefined}
          {...attributes}
          onClick={() => setOpen((was) => !was)}
        >
          <Icon name="user" />
          <span>{anonymous ? t('anonymous.on') : t('anonymous.off')}</span>
        </button>
      )}
    >
      <div className="anonymous-panel">
        <label className="anonymous-switch" htmlFor={`${id}-switch`}>
          <input
            id={`${id}-switch`}
            type="checkbox"
            role="switch"
            aria-checked={anonymous}
            data-testid="anonymous-toggle"
            checked={anonymous}
            disabled={commands.busy}
            aria-describedby={`${id}-meaning`}
            onChange={(event) => void commands.settings({ anonymous: event.target.checked })}
          />
          <span>{t('anonymous.title')}</span>
        </label>
        <p id={`${id}-meaning`} className="anonymous-meaning">
          {anonymous ? t('anonymous.meaningOn') : t('anonymous.meaningOff')}
        </p>
      </div>
    </Popover>
  );
}
