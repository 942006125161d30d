import { describe, expect, it } from 'vitest';
import { da } from '../i18n/da';
import { en } from '../i18n/en';
import { apiErrorKey, TRANSLATED_CODES } from './errorMessage';
import { ApiRequestError } from './http';

const lookup = (messages: object, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);

describe('apiErrorKey', () => {
  it('gives every documented error code its own sentence in Danish and English', () => {
    for (const code of TRANSLATED_CODES) {
      const { key } = apiErrorKey(new ApiRequestError(code, 'server text', 400));
      expect(key).toBe(`errors.${code}`);
      expect(typeof lookup(en, key), code).toBe('string');
      expect(typeof lookup(da, key), code).toBe('string');
    }
  });

  it('explains network trouble and bad input in people’s words', () => {
    expect(apiErrorKey(new ApiRequestError('NETWORK', '', undefined)).key).toBe('errors.NETWORK');
    expect(apiErrorKey(new ApiRequestError('HTTP_503', '', 503)).key).toBe('errors.NETWORK');
    expect(apiErrorKey(new ApiRequestError('INVALID_REQUEST', '', 400)).key).toBe('errors.VALIDATION');
  });

  it('names the code of anything it does not know', () => {
    expect(apiErrorKey(new ApiRequestError('TEAPOT', '', 418))).toEqual({ key: 'errors.unknown', code: 'TEAPOT' });
    expect(apiErrorKey(new Error('boom'))).toEqual({ key: 'errors.unknown', code: 'UNKNOWN' });
  });
});
