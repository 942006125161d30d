import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../routing/navigation';
import { Icon } from '../ui/Icon';
import { normaliseJoinCode } from './joinForm';

/** "Join a workshop" on the start page: takes the code to the join page, where the name is asked. */
export function JoinEntry() {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const normal = normaliseJoinCode(code);
    navigate(normal ? `/join?code=${normal}` : '/join');
  };
  return (
    <form className="card join-entry" onSubmit={onSubmit}>
      <h2 className="card-title">{t('joinEntry.title')}</h2>
      <p className="muted card-intro">{t('joinEntry.intro')}</p>
      <label className="field-label" htmlFor={id}>
        {t('joinEntry.codeLabel')}
      </label>
      <div className="create-row">
        <input
          id={id}
          className="text-input code-input"
          data-testid="start-join-code"
          value={code}
          placeholder="ABC123"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          onChange={(event) => setCode(event.target.value)}
        />
        <button className="button button-primary" type="submit" data-testid="start-join-submit">
          {t('joinEntry.submit')}
          <Icon name="forward" />
        </button>
      </div>
    </form>
  );
}
