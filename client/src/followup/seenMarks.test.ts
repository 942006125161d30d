import { describe, expect, it } from 'vitest';
import { isNewTo, loadSeen, markSeen, type SeenStorage } from './seenMarks';

function memory(): SeenStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('new since your last visit', () => {
  it('shows an update as new until it has been seen, and again when a later one arrives', () => {
    const storage = memory();
    let marks = loadSeen(storage, 'w1');
    expect(isNewTo(marks.i1, 100)).toBe(true);
    marks = markSeen(storage, 'w1', marks, 'i1', 100);
    expect(isNewTo(loadSeen(storage, 'w1').i1, 100)).toBe(false);
    expect(isNewTo(loadSeen(storage, 'w1').i1, 200)).toBe(true);
  });

  it('never moves a mark back, and keeps workshops apart', () => {
    const storage = memory();
    let marks = markSeen(storage, 'w1', {}, 'i1', 200);
    marks = markSeen(storage, 'w1', marks, 'i1', 100);
    expect(marks.i1).toBe(200);
    expect(loadSeen(storage, 'w2')).toEqual({});
  });

  it('treats a damaged entry as nothing seen', () => {
    const storage = memory();
    storage.setItem('samle.followUpSeen.w1', '{not json');
    expect(loadSeen(storage, 'w1')).toEqual({});
  });
});
