import { NAME_MAX, PASSWORD_MIN } from '@samle/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { signUp } from '../api/workshopApi';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import { useSubmit } from '../ui/useSubmit';
import { meStore } from './meStore';
import { type AccountProblem, validateSignUp } from './validateAccount';

/** The first facilitator account of a fresh install. */
export function SignUpForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<AccountProblem[]>([]);
  const { busy, error, run } = useSubmit();
  const problem = (which: AccountProblem) =>
    problems.includes(which) ? t(`account.problems.${which}`, { max: NAME_MAX, min: PASSWORD_MIN }) : undefined;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateSignUp({ name, email, password });
    setProblems(found);
    if (found.length > 0) return;
    await run(async () => {
      const facilitator = await signUp({ name: name.trim(), email: email.trim(), password });
      meStore.set({ facilitator, needsFirstAccount: false });
    });
  };

  return (
    <form className="card account-form" onSubmit={onSubmit} noValidate aria-busy={busy}>
      <h2 className="card-title">{t('account.firstHeading')}</h2>
      <Field
        label={t('account.name')}
        testId="signup-name"
        value={name}
        autoComplete="name"
        error={problem('nameRequired') ?? problem('nameTooLong')}
        onChange={(e) => setName(e.target.value)}
      />
      <Field
        label={t('account.email')}
        testId="signup-email"
        type="email"
        value={email}
        autoComplete="email"
        error={problem('emailInvalid')}
        onChange={(e) => setEmail(e.target.value)}
      />
      <Field
        label={t('account.password')}
        testId="signup-password"
        type="password"
        value={password}
        autoComplete="new-password"
        hint={t('account.passwordHint', { min: PASSWORD_MIN })}
        error={problem('passwordShort')}
        onChange={(e) => setPassword(e.target.value)}
      />
      <FormError message={error === undefined ? undefined : apiErrorMessage(t, error)} />
      <button className="button button-primary button-wide" type="submit" data-testid="signup-submit" disabled={busy}>
        {busy ? t('account.creating') : t('account.create')}
      </button>
    </form>
  );
}
