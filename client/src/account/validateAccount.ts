import { NAME_MAX, PASSWORD_MIN } from '@samle/shared';

export type AccountProblem = 'nameRequired' | 'nameTooLong' | 'emailInvalid' | 'passwordShort' | 'passwordRequired';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The same rules as shared's SignUpBody, checked before sending so people get the reason at the field. */
export function validateSignUp(input: { name: string; email: string; password: string }): AccountProblem[] {
  const problems: AccountProblem[] = [];
  const name = input.name.trim();
  if (!name) problems.push('nameRequired');
  else if (name.length > NAME_MAX) problems.push('nameTooLong');
  if (!EMAIL.test(input.email.trim())) problems.push('emailInvalid');
  if (input.password.length < PASSWORD_MIN) problems.push('passwordShort');
  return problems;
}

export function validateSignIn(input: { email: string; password: string }): AccountProblem[] {
  const problems: AccountProblem[] = [];
  if (!EMAIL.test(input.email.trim())) problems.push('emailInvalid');
  if (!input.password) problems.push('passwordRequired');
  return problems;
}
