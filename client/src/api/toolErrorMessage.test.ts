import { describe, expect, it } from 'vitest';
import { da } from '../i18n/da';
import { en } from '../i18n/en';
import { ApiRequestError } from './http';
import { TOOL_ERROR_CODES, toolErrorCode } from './toolErrorMessage';

describe('tool error sentences', () => {
  it('recognises the questions and evaluation codes, and leaves the rest to the general sentences', () => {
    expect(toolErrorCode(new ApiRequestError('EVALUATION_CLOSED', 'closed', 409))).toBe('EVALUATION_CLOSED');
    expect(toolErrorCode(new ApiRequestError('NETWORK', 'down', undefined))).toBeNull();
    expect(toolErrorCode(new Error('boom'))).toBeNull();
  });

  it('has a sentence for every code in both languages', () => {
    for (const code of TOOL_ERROR_CODES) {
      expect(en.tools.errors[code], code).toMatch(/\w/);
      expect(da.tools.errors[code], code).toMatch(/\w/);
    }
  });
});
