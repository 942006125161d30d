import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SignInForm } from '../account/SignInForm';
import { useMe } from '../account/useMe';
import { handleLinkClick } from '../routing/navigation';
import { workshopPath } from '../routing/routes';
import { AppHeader } from '../shell/AppHeader';
import { AppFooter } from '../ui/AppFooter';
import { Field } from '../ui/Field';
import { acceptCofacilitator, resetPassword } from './adminApi';
import { adminErrorMessage } from './adminErrors';

function LinkPage({ title, intro, children }: { title: string; intro: string; children: React.ReactNode }) {
  return (
    <div className="page">
      <AppHeader />
      <main id="main" className="start admin">
        <div className="start-hero">
          <h1 className="page-title">{title}</h1>
          <p className="lead">{intro}</p>
        </div>
        {children}
      </main>
      <AppFooter />
    </div>
  );
}

/** `/admin/join/:token`: a signed-in facilitator becomes co-facilitator of the workshop the link names. */
export function AdminJoinPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const [joined, setJoined] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const accept = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setJoined((await acceptCofacilitator(token)).workshopId);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <LinkPage title={t('adminJoin.title')} intro={t('adminJoin.intro')}>
      {me.status === 'ready' && !me.me.facilitator && (
        <>
          <p>{t('adminJoin.signInFirst')}</p>
          <SignInForm />
        </>
      )}
      {me.status === 'ready' && me.me.facilitator && !joined && (
        <div className="card account-form">
          <button type="button" className="button button-primary" disabled={busy} onClick={accept}>
            {t('adminJoin.accept')}
          </button>
          {error !== undefined && (
            <p className="field-error" role="alert">
              {adminErrorMessage(t, error)}
            </p>
          )}
        </div>
      )}
      {joined && (
        <div className="card account-form" role="status">
          <p>{t('adminJoin.joined')}</p>
          <a
            className="button button-primary"
            href={workshopPath(joined)}
            onClick={(e) => handleLinkClick(e, workshopPath(joined))}
          >
            {t('adminJoin.openWorkshop')}
          </a>
        </div>
      )}
    </LinkPage>
  );
}

/** `/reset/:token`: a facilitator whose colleague made this link chooses a new password. */
export function ResetPasswordPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTooShort(password.length < 10);
    if (password.length < 10) return;
    setBusy(true);
    setError(undefined);
    try {
      await resetPassword(token, password);
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <LinkPage title={t('reset.title')} intro={t('reset.intro')}>
      {done ? (
        <div className="card account-form" role="status">
          <p>{t('reset.done')}</p>
          <a className="button button-primary" href="/" onClick={(e) => handleLinkClick(e, '/')}>
            {t('reset.toStart')}
          </a>
        </div>
      ) : (
        <form className="card account-form" onSubmit={onSubmit} noValidate aria-busy={busy}>
          <Field
            label={t('reset.password')}
            type="password"
            autoComplete="new-password"
            value={password}
            hint={t('admin.newPasswordHint')}
            error={tooShort ? t('admin.errors.passwordShort') : undefined}
            onChange={(e) => setPassword(e.target.value)}
          />
          {error !== undefined && (
            <p className="field-error" role="alert">
              {adminErrorMessage(t, error)}
            </p>
          )}
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('reset.save')}
          </button>
        </form>
      )}
    </LinkPage>
  );
}
