import { describe, expect, it } from 'vitest';
import { canShowBoard } from './showBoard';

const base = {
  everSynced: false,
  localLoaded: true,
  localHasContent: false,
  state: { kind: 'connecting' } as const,
  online: true,
};

describe('canShowBoard', () => {
  it('shows the board once the server has synced it', () => {
    expect(canShowBoard({ ...base, localLoaded: false, everSynced: true })).toBe(true);
  });

  it("shows this device's copy while offline, so work can go on", () => {
    expect(canShowBoard({ ...base, localHasContent: true, online: false })).toBe(true);
    expect(canShowBoard({ ...base, state: { kind: 'reconnecting', lastCloseCode: 1006 }, localHasContent: true })).toBe(
      true,
    );
  });

  it('shows a stored copy at once, before the server answers', () => {
    expect(canShowBoard({ ...base, localHasContent: true })).toBe(true);
  });

  it('waits for the server on a first visit instead of showing an empty board', () => {
    expect(canShowBoard(base)).toBe(false);
    expect(canShowBoard({ ...base, localLoaded: false, localHasContent: true })).toBe(false);
  });
});
