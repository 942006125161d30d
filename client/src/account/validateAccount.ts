import { NAME_MAX, PASSWORD_MIN } from '@samle/shared';

export type AccountProblem = 'nameRequired' | 'nameTooLong' | 'emailInvalid' | 'passwordShort' | 'passwordRequired';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Whether the text, trimmed, looks like an email address (the server decides whether it is one). */
export const isEmail = (text: string): boolean => EMAIL.test(text.trim());

/** The same rules as shared's SignUpBody, checked before sending so people get the reason at the field. */
export function validateSignUp(input: { name: string; email: string; password: string }): AccountProblem[] {
  const problems: AccountProblem[] = [];
  const name = input.name.trim();
  if (!name) problems.push('nameRequired');
  else if (name.length > NAME_MAX) problems.push('nameTooLong');
  if (!isEmail(input.email)) problems.push('emailInvalid');
  problems.push(...validateNewPassword(input.password));
  return problems;
}

/** A password someone chooses (a new account, a changed password): shared's PASSWORD_MIN characters at least. */
export function validateNewPassword(password: string): AccountProblem[] {
  return password.length < PASSWORD_MIN ? ['passwordShort'] : [];
}

export function validateSignIn(input: { email: string; password: string }): AccountProblem[] {
  const problems: AccountProblem[] = [];
  if (!isEmail(input.email)) problems.push('emailInvalid');
  if (!input.password) problems.push('passwordRequired');
  return problems;
}
