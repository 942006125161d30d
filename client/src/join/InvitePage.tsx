import { NAME_MAX } from '@samle/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { grants } from '../api/grants';
import { acceptInvite } from '../api/workshopApi';
import { identityStore } from '../presence/identity';
import { navigate } from '../routing/navigation';
import { workshopPath } from '../routing/routes';
import { AppHeader } from '../ui/AppHeader';
import { Field } from '../ui/Field';
import { validatePersonName } from './joinForm';

/** `/invite/:token`: a leader or viewer writes their name and lands on the workshop's home page. */
export function InvitePage({ token }: { token: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState(() => identityStore.getSnapshot().name ?? '');
  const [problem, setProblem] = useState<'nameRequired' | 'nameTooLong'>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const [found] = validatePersonName(name);
    setProblem(found);
    if (found) return;
    setBusy(true);
    setError(undefined);
    try {
      const grant = await acceptInvite({ invite: token, name: name.trim() });
      grants().save(grant);
      identityStore.setName(grant.person.name);
      navigate(workshopPath(grant.workshopId));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <AppHeader />
      <main id="main" className="join-page">
        <form className="card join-card" onSubmit={onSubmit} noValidate aria-busy={busy}>
          <h1 className="join-title">{t('invite.title')}</h1>
          <p className="muted">{t('invite.intro')}</p>
          <Field
            label={t('join.nameLabel')}
            testId="invite-name-input"
            className="field-large"
            value={name}
            placeholder={t('join.namePlaceholder')}
            autoComplete="name"
            maxLength={NAME_MAX}
            // Autofocus on purpose: the name is the only thing this page asks for.
            autoFocus
            error={problem ? t(`join.problems.${problem}`, { max: NAME_MAX }) : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {error !== undefined && (
            <p className="field-error" role="alert" data-testid="invite-error">
              {apiErrorMessage(t, error)}
            </p>
          )}
          <button
            className="button button-primary button-large button-wide"
            type="submit"
            data-testid="invite-submit"
            disabled={busy}
          >
            {busy ? t('invite.opening') : t('invite.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
