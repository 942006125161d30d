import { describe, expect, it } from 'vitest';
import { apiErrorKey } from '../api/errorMessage';
import { da } from '../i18n/da';
import { en } from '../i18n/en';
import { FACILITATION_CODES, refusalMessage } from './refusals';

const say = {
  facilitation: (code: string) => `facilitation:${code}`,
  general: (error: unknown) => apiErrorKey(error).key,
};

describe('refusalMessage', () => {
  it('explains each refused cast in its own words', () => {
    expect(refusalMessage('BUDGET_EXHAUSTED', say)).toBe('facilitation:BUDGET_EXHAUSTED');
    expect(refusalMessage('NOTE_LIMIT', say)).toBe('facilitation:NOTE_LIMIT');
  });

  it('falls back to the general sentence for network and unknown errors', () => {
    expect(refusalMessage('NETWORK', say)).toBe('errors.NETWORK');
    expect(refusalMessage('SOMETHING_NEW', say)).toBe('errors.unknown');
  });

  it('has a Danish and an English sentence for every facilitation code', () => {
    for (const code of FACILITATION_CODES) {
      expect(en.facilitation.errors[code], code).toBeTruthy();
      expect(da.facilitation.errors[code], code).toBeTruthy();
    }
  });
});
