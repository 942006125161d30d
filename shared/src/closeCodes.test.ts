import { describe, expect, it } from 'vitest';
import { CloseCode, closeCodeName, isRetryableClose } from './closeCodes.js';

describe('close codes', () => {
  it('are unique and inside the 4400–4599 application range', () => {
    const codes = Object.values(CloseCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code >= 4400 && code < 4600).toBe(true);
  });

  it('tell a client whether reconnecting can help', () => {
    expect(isRetryableClose(CloseCode.ReadOnly)).toBe(false);
    expect(isRetryableClose(CloseCode.MalformedMessage)).toBe(false);
    expect(isRetryableClose(CloseCode.SlowConsumer)).toBe(true);
    expect(isRetryableClose(CloseCode.ShuttingDown)).toBe(true);
    expect(isRetryableClose(1006)).toBe(true);
    expect(closeCodeName(4403)).toBe('ReadOnly');
  });
});
