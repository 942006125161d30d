import { describe, expect, it } from 'vitest';
import { qrFor, qrPath } from './qr';

describe('qrPath', () => {
  it('draws runs of dark modules as one rectangle each', () => {
    const rows = ['110', '001', '000'];
    const path = qrPath({ size: 3, get: (r, c) => (rows[r]?.[c] === '1' ? 1 : 0) });
    expect(path).toBe('M0 0h2v1h-2zM2 1h1v1h-1z');
  });
});

describe('qrFor', () => {
  it('encodes a join link into a square symbol with its finder patterns', () => {
    const { size, path } = qrFor('https://samle.example/join?code=AB12CD');
    expect(size).toBeGreaterThanOrEqual(21);
    // The top-left finder pattern starts with a run of seven dark modules.
    expect(path.startsWith('M0 0h7v1h-7z')).toBe(true);
  });
});
