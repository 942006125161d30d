import { describe, expect, it } from 'vitest';
import { STALE_CHUNK_RELOAD_WINDOW_MS, shouldReloadForChunk } from './staleChunk';

describe('reloading for a chunk of an old release', () => {
  it('reloads the first time a chunk fails', () => {
    expect(shouldReloadForChunk(1_000_000, undefined, true)).toBe(true);
  });

  it('does not reload again within a minute of the last reload (no loop when the file is really missing)', () => {
    expect(shouldReloadForChunk(1_000_000, 1_000_000 - STALE_CHUNK_RELOAD_WINDOW_MS + 1, true)).toBe(false);
    expect(shouldReloadForChunk(1_000_000, 1_000_000 - STALE_CHUNK_RELOAD_WINDOW_MS, true)).toBe(true);
  });

  it('does not reload while offline (a reload would not bring the chunk)', () => {
    expect(shouldReloadForChunk(1_000_000, undefined, false)).toBe(false);
  });
});
