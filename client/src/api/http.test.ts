import { describe, expect, it } from 'vitest';
import { ApiRequestError, buildRequestInit, isAccessRefusal } from './http';

const headersOf = (init: RequestInit) => init.headers as Record<string, string>;

describe('buildRequestInit', () => {
  it('sends the facilitator cookie and the CSRF header on every POST', () => {
    const init = buildRequestInit({ method: 'POST', body: { open: true } });
    expect(init.credentials).toBe('same-origin');
    expect(headersOf(init)['x-samle-csrf']).toBe('1');
    expect(headersOf(init)['content-type']).toBe('application/json');
    expect(init.body).toBe('{"open":true}');
  });

  it('sends no CSRF header on reads', () => {
    expect(headersOf(buildRequestInit({}))['x-samle-csrf']).toBeUndefined();
  });

  it('sends a grant as a bearer token', () => {
    const init = buildRequestInit({ credential: { kind: 'grant', token: 'abc', workshopId: 'w1' } });
    expect(headersOf(init).authorization).toBe('Bearer abc');
  });
});

describe('isAccessRefusal', () => {
  it('is true for 401, 403 and 404 answers only', () => {
    expect(isAccessRefusal(new ApiRequestError('FORBIDDEN', '', 403))).toBe(true);
    expect(isAccessRefusal(new ApiRequestError('BOARD_NOT_FOUND', '', 404))).toBe(true);
    expect(isAccessRefusal(new ApiRequestError('NETWORK', '', undefined))).toBe(false);
    expect(isAccessRefusal(new Error('x'))).toBe(false);
  });
});
