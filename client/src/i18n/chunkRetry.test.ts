import { describe, expect, it } from 'vitest';
import { chunkUrlOf, retryUrl } from './chunkRetry';

describe('retrying a language chunk that failed to load', () => {
  it("finds the chunk's URL in Chromium's and Firefox's messages", () => {
    expect(
      chunkUrlOf(
        new TypeError('Failed to fetch dynamically imported module: https://samle.example/assets/en-BC3_Svf3.js'),
      ),
    ).toBe('https://samle.example/assets/en-BC3_Svf3.js');
    expect(
      chunkUrlOf(new TypeError('error loading dynamically imported module: http://127.0.0.1:3000/assets/da-W99.js')),
    ).toBe('http://127.0.0.1:3000/assets/da-W99.js');
  });

  it('finds none where the message names no URL (Safari)', () => {
    expect(chunkUrlOf(new TypeError('Importing a module script failed.'))).toBeUndefined();
  });

  it('asks for the same file under a new URL on each retry', () => {
    const chunk = 'https://samle.example/assets/en-BC3_Svf3.js';
    expect(retryUrl(chunk, 1)).toBe('https://samle.example/assets/en-BC3_Svf3.js?retry=1');
    expect(retryUrl(chunk, 2)).not.toBe(retryUrl(chunk, 1));
  });
});
