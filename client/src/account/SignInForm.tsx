import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { signIn } from '../api/workshopApi';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import { useSubmit } from '../ui/useSubmit';
import { meStore } from './meStore';
import { type AccountProblem, validateSignIn } from './validateAccount';

/** A facilitator signs in with email and password; the server sets the session cookie. */
export function SignInForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<AccountProblem[]>([]);
  const { busy, error, run } = useSubmit();
  const problem = (which: AccountProblem) => (problems.includes(which) ? t(`account.problems.${which}`) : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateSignIn({ email, password });
    setProblems(found);
    if (found.length > 0) return;
    await run(async () => {
      const facilitator = await signIn({ email: email.trim(), password });
      meStore.set({ facilitator, needsFirstAccount: false });
    });
  };

  return (
    <form className="card account-form" onSubmit={onSubmit} noValidate aria-busy={busy}>
      <h2 className="card-title">{t('account.signInTitle')}</h2>
      <p className="muted card-intro">{t('account.signInIntro')}</p>
      <Field
        label={t('account.email')}
        testId="signin-email"
        type="email"
        value={email}
        autoComplete="username"
        error={problem('emailInvalid')}
        onChange={(e) => setEmail(e.target.value)}
      />
      <Field
        label={t('account.password')}
        testId="signin-password"
        type="password"
        value={password}
        autoComplete="current-password"
        error={problem('passwordRequired')}
        onChange={(e) => setPassword(e.target.value)}
      />
      <FormError message={error === undefined ? undefined : apiErrorMessage(t, error)} testId="signin-error" />
      <button className="button button-primary button-wide" type="submit" data-testid="signin-submit" disabled={busy}>
        {busy ? t('account.signingIn') : t('account.signIn')}
      </button>
    </form>
  );
}
