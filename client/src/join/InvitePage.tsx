import { type InvitePreview, NAME_MAX } from '@samle/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browserKeyIn } from '../api/browserKey';
import { apiErrorMessage } from '../api/errorMessage';
import { browserStorageOnce, grants } from '../api/grants';
import { acceptInvite, previewInvite } from '../api/workshopApi';
import { identityStore } from '../presence/identity';
import { navigate } from '../routing/navigation';
import { workshopPath } from '../routing/routes';
import { AppHeader } from '../shell/AppHeader';
import { Field } from '../ui/Field';
import { validatePersonName } from './joinForm';

/** `/invite/:token`: a leader or viewer writes their name and lands on the workshop's home page. */
export function InvitePage({ token }: { token: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState(() => identityStore.getSnapshot().name ?? '');
  const [problem, setProblem] = useState<'nameRequired' | 'nameTooLong'>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // Which workshop and role the link leads to — or why it no longer works — before asking for a name.
  const [preview, setPreview] = useState<InvitePreview>();
  const [previewError, setPreviewError] = useState<unknown>();
  useEffect(() => {
    let current = true;
    previewInvite(token).then(
      (found) => current && setPreview(found),
      (caught: unknown) => current && setPreviewError(caught),
    );
    return () => {
      current = false;
    };
  }, [token]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const [found] = validatePersonName(name);
    setProblem(found);
    if (found) return;
    setBusy(true);
    setError(undefined);
    try {
      const grant = await acceptInvite({
        invite: token,
        name: name.trim(),
        browserKey: browserKeyIn(browserStorageOnce()),
      });
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
          {preview ? (
            <p className="invite-preview" data-testid="invite-preview" data-role={preview.role}>
              {t('credentials.previewRole', { role: t(`roles.${preview.role}`).toLocaleLowerCase() })}{' '}
              <strong>{preview.workshopTitle}</strong>
            </p>
          ) : (
            previewError === undefined && <p className="muted">{t('credentials.previewChecking')}</p>
          )}
          {previewError !== undefined && (
            <p className="field-error" role="alert" data-testid="invite-preview-error">
              {apiErrorMessage(t, previewError)}
            </p>
          )}
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
            disabled={busy || previewError !== undefined}
          >
            {busy ? t('invite.opening') : t('invite.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
