import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createPeersStore, parsePeer } from './peers';
import { contrastRatio, initials, PRESENCE_COLORS, presenceColorFor } from './presenceColors';

describe('parsePeer', () => {
  it('reads a well-formed awareness state', () => {
    expect(parsePeer(7, { user: { name: 'Mette', color: '#1d4ed8' }, cursor: { x: 10, y: 20 } })).toEqual({
      clientId: 7,
      user: { name: 'Mette', color: '#1d4ed8' },
      cursor: { x: 10, y: 20 },
    });
  });

  it('ignores states without a name and neutralises odd colours and cursors', () => {
    expect(parsePeer(1, {})).toBeUndefined();
    expect(parsePeer(1, { user: { name: '   ' } })).toBeUndefined();
    const peer = parsePeer(1, { user: { name: 'x'.repeat(500), color: 'url(evil)' }, cursor: { x: 'a', y: 1 } });
    expect(peer?.user.name).toHaveLength(40);
    expect(peer?.user.color).toBe('#475569');
    expect(peer?.cursor).toBeNull();
  });
});

describe('peers store', () => {
  it('lists other people on the board, not me, and follows their updates', () => {
    const mine = new Awareness(new Y.Doc());
    const theirs = new Awareness(new Y.Doc());
    const store = createPeersStore(mine);
    mine.setLocalStateField('user', { name: 'Me', color: '#15803d' });
    theirs.setLocalStateField('user', { name: 'Anna', color: '#be185d' });
    theirs.setLocalStateField('cursor', { x: 5, y: 6 });
    let calls = 0;
    store.subscribe(() => calls++);

    applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote');

    expect(calls).toBeGreaterThan(0);
    expect(store.getSnapshot()).toEqual([
      { clientId: theirs.clientID, user: { name: 'Anna', color: '#be185d' }, cursor: { x: 5, y: 6 } },
    ]);
    mine.destroy();
    theirs.destroy();
  });
});

describe('presence colours', () => {
  it('all carry white name labels at AA contrast', () => {
    for (const color of PRESENCE_COLORS) expect(contrastRatio(color, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('gives a user the same colour every time', () => {
    expect(presenceColorFor('user-abc')).toBe(presenceColorFor('user-abc'));
  });

  it('makes avatar initials from first and last name', () => {
    expect(initials('Mette Frederiksen')).toBe('MF');
    expect(initials('anna')).toBe('A');
    expect(initials('  ')).toBe('?');
  });
});
