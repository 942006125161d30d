import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commands } from '../workshopData/useCommands';
import { erasePerson } from './adminApi';

/**
 * A person's data, for the facilitator answering a request (docs/privacy.md): download it as
 * JSON, or erase the person after typing their name as shown.
 */
export function PersonDataControls({ person, commands }: { person: { id: string; name: string }; commands: Commands }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const id = useId();
  const onErase = (event: FormEvent) => {
    event.preventDefault();
    setOpen(false);
    void commands.run('erase', () => erasePerson(person.id, typed));
  };
  if (!open) {
    return (
      <button type="button" className="button button-small" data-testid="person-data" onClick={() => setOpen(true)}>
        {t('admin.personData')}
      </button>
    );
  }
  return (
    <form
      className="confirm person-data"
      onSubmit={onErase}
      aria-label={t('admin.personDataTitle', { name: person.name })}
    >
      <p>
        <a className="button button-small" href={`/api/people/${encodeURIComponent(person.id)}/export`} download>
          {t('admin.exportPerson')}
        </a>
      </p>
      <p>{t('admin.eraseText')}</p>
      <label className="field-label" htmlFor={id}>
        {t('admin.eraseConfirmLabel', { name: person.name })}
      </label>
      <input
        id={id}
        className="text-input"
        value={typed}
        autoComplete="off"
        onChange={(e) => setTyped(e.target.value)}
      />
      <div className="confirm-actions">
        <button type="button" className="button button-small" onClick={() => setOpen(false)}>
          {t('admin.cancel')}
        </button>
        <button
          type="submit"
          className="button button-small button-danger"
          data-testid="confirm-erase"
          disabled={commands.busy !== undefined || typed.trim() !== person.name.trim()}
        >
          {t('admin.eraseYes')}
        </button>
      </div>
    </form>
  );
}
