import { describe, expect, it } from 'vitest';
import { validateSignIn, validateSignUp } from './validateAccount';

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
