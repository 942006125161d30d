import { describe, expect, it } from 'vitest';
import { isEmail, validateNewPassword, validateSignIn, validateSignUp } from './validateAccount';

describe('validateSignUp', () => {
  it('accepts a name, an email address and a password of ten characters', () => {
    expect(validateSignUp({ name: 'Lise', email: 'lise@konsulent.dk', password: '0123456789' })).toEqual([]);
  });

  it('names every problem at once', () => {
    expect(validateSignUp({ name: ' ', email: 'lise', password: 'short' })).toEqual([
      'nameRequired',
      'emailInvalid',
      'passwordShort',
    ]);
  });
});

describe('validateSignIn', () => {
  it('needs an email address and a password', () => {
    expect(validateSignIn({ email: 'lise@konsulent.dk', password: '' })).toEqual(['passwordRequired']);
    expect(validateSignIn({ email: 'x', password: 'p' })).toEqual(['emailInvalid']);
  });
});

describe('validateNewPassword and isEmail (also used by the admin page: password and reset-link forms)', () => {
  it('asks for at least ten characters in a new password', () => {
    expect(validateNewPassword('123456789')).toEqual(['passwordShort']);
    expect(validateNewPassword('0123456789')).toEqual([]);
  });

  it('takes an address with spaces around it, and refuses one without @ or with a space inside', () => {
    expect(isEmail('  kollega@kommune.dk ')).toBe(true);
    expect(isEmail('kollega')).toBe(false);
    expect(isEmail('kol lega@kommune.dk')).toBe(false);
  });
});
