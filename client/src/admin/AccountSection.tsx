import type { AdminLink } from '@samle/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meStore } from '../account/meStore';
import { isEmail, validateNewPassword } from '../account/validateAccount';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import { useDateFormat } from '../ui/useDateFormat';
import { useSubmit } from '../ui/useSubmit';
import { changePassword, resetLinkFor } from './adminApi';
import { adminErrorMessage } from './adminErrors';
import { LinkBox } from './LinkBox';

/** The facilitator's own password, and reset links for a co-facilitator who forgot theirs. */
export function AccountSection() {
  const { t } = useTranslation();
  return (
    <section className="admin-section" aria-labelledby="admin-account">
      <h2 id="admin-account" className="section-title">
        {t('admin.accountHeading')}
      </h2>
      <div className="start-columns">
        <ChangePasswordForm />
        <ResetLinkForm />
      </div>
    </section>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const [done, setDone] = useState(false);
  const { busy, error, run } = useSubmit();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const short = validateNewPassword(next).length > 0;
    setTooShort(short);
    if (short) return;
    await run(async () => {
      await changePassword(current, next);
      setDone(true);
      // Every session of the account ended with the change, this one too.
      meStore.set({ facilitator: null, needsFirstAccount: false });
    });
  };
  if (done) {
    return (
      <div className="card account-form" role="status">
        <h3 className="card-title">{t('admin.passwordTitle')}</h3>
        <p>{t('admin.passwordChanged')}</p>
      </div>
    );
  }
  return (
    <form className="card account-form" onSubmit={onSubmit} noValidate aria-busy={busy}>
      <h3 className="card-title">{t('admin.passwordTitle')}</h3>
      <Field
        label={t('admin.currentPassword')}
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
      />
      <Field
        label={t('admin.newPassword')}
        type="password"
        autoComplete="new-password"
        value={next}
        hint={t('admin.newPasswordHint')}
        error={tooShort ? t('admin.errors.passwordShort') : undefined}
        onChange={(e) => setNext(e.target.value)}
      />
      <FormError message={error === undefined ? undefined : adminErrorMessage(t, error)} />
      <button type="submit" className="button button-primary" disabled={busy || !current}>
        {t('admin.changePassword')}
      </button>
    </form>
  );
}

function ResetLinkForm() {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [link, setLink] = useState<AdminLink | null>(null);
  const { busy, error, run } = useSubmit();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const wrong = !isEmail(email);
    setInvalid(wrong);
    if (wrong) return;
    setLink(null);
    await run(async () => setLink(await resetLinkFor(email.trim())));
  };
  return (
    <form className="card account-form" onSubmit={onSubmit} noValidate aria-busy={busy}>
      <h3 className="card-title">{t('admin.resetTitle')}</h3>
      <p className="muted card-intro">{t('admin.resetIntro')}</p>
      <Field
        label={t('admin.colleagueEmail')}
        type="email"
        autoComplete="off"
        value={email}
        error={invalid ? t('admin.errors.emailInvalid') : undefined}
        onChange={(e) => setEmail(e.target.value)}
      />
      <FormError message={error === undefined ? undefined : adminErrorMessage(t, error)} />
      <button type="submit" className="button" disabled={busy}>
        {t('admin.makeResetLink')}
      </button>
      {link && <LinkBox path={link.path} text={t('admin.resetMade', { date: formatDate(link.expiresAt) })} />}
    </form>
  );
}
