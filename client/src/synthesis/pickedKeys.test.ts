import { describe, expect, it } from 'vitest';
import { PickedKeys } from './pickedKeys';

describe('the picked keys the synthesis rows read', () => {
  it('tells a row when its own note is picked or unpicked, and no row whose key did not change', () => {
    const picked = new PickedKeys();
    const told: string[] = [];
    for (const key of ['b1|n1', 'b1|n2', 'b2|n1']) picked.subscribe(key, () => told.push(key));

    picked.replace(new Set(['b1|n1']));
    expect(told).toEqual(['b1|n1']);
    expect(picked.has('b1|n1')).toBe(true);

    told.length = 0;
    picked.replace(new Set(['b1|n1', 'b2|n1']));
    expect(told).toEqual(['b2|n1']);

    told.length = 0;
    picked.replace(new Set(['b2|n1']));
    expect(told).toEqual(['b1|n1']);
    expect(picked.has('b1|n1')).toBe(false);
  });

  it('stops telling a row that has gone (scrolled out of the DOM)', () => {
    const picked = new PickedKeys();
    let calls = 0;
    const unsubscribe = picked.subscribe('b1|n1', () => {
      calls += 1;
    });
    unsubscribe();
    picked.replace(new Set(['b1|n1']));
    expect(calls).toBe(0);
  });
});
