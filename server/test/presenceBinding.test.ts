import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type StockClient, synced } from './support/stockClient.js';
import { connect, fx, useWorkshopSuite } from './support/workshopSuite.js';

// A server with a workshop of two tables per test: support/workshopSuite.ts.
useWorkshopSuite();

type User = { name?: string; role?: string; color?: string };
const userOf = (watcher: StockClient, doc: Y.Doc): User | undefined =>
  (watcher.provider.awareness.getStates().get(doc.clientID) as { user?: User } | undefined)?.user;

/** Resolves when `watcher` sees a presence state that satisfies `predicate`. */
function sees(watcher: StockClient, predicate: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!predicate()) return;
      watcher.provider.awareness.off('change', check);
      resolve();
    };
    watcher.provider.awareness.on('change', check);
    check();
  });
}

/** An awareness message (type 1) with hand-written entries, as a hostile client sends it. */
function awarenessFrame(entries: Array<{ clientId: number; clock: number; state: unknown }>): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarString(inner, JSON.stringify(entry.state));
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

describe('presence is bound to its connection', () => {
  it('shows the name and role of the grant, whatever the browser claims', async () => {
    const [ada, bo] = fx.participants;
    if (!ada || !bo) throw new Error('fixture without participants');
    const impostor = connect(fx.plenumBoardId, ada.token);
    const watcher = connect(fx.plenumBoardId, bo.token);
    await Promise.all([synced(impostor), synced(watcher)]);
    impostor.provider.awareness.setLocalStateField('user', {
      name: 'Freja Facilitator',
      role: 'facilitator',
      color: '#c2410c',
    });
    await sees(watcher, () => userOf(watcher, impostor.doc) !== undefined);
    expect(userOf(watcher, impostor.doc)).toEqual({ name: ada.person.name, role: 'participant', color: '#c2410c' });
  });

  it("drops forged presence for another client id: nobody overwrites, removes or multiplies someone else's", async () => {
    const [ada, bo, cai] = fx.participants;
    if (!ada || !bo || !cai) throw new Error('fixture without participants');
    const victim = connect(fx.plenumBoardId, bo.token);
    const attacker = connect(fx.plenumBoardId, ada.token);
    const watcher = connect(fx.plenumBoardId, cai.token);
    await Promise.all([synced(victim), synced(attacker), synced(watcher)]);
    victim.provider.awareness.setLocalStateField('user', { name: 'Bo', color: '#0f766e' });
    attacker.provider.awareness.setLocalStateField('user', { name: 'Ada', color: '#1d4ed8' });
    await sees(watcher, () => userOf(watcher, victim.doc) !== undefined && userOf(watcher, attacker.doc) !== undefined);

    const socket = attacker.provider.ws;
    if (!socket) throw new Error('attacker not connected');
    const fakes = Array.from({ length: 200 }, (_, i) => ({
      clientId: 900_000 + i,
      clock: 1,
      state: { user: { name: `Fake ${i}` } },
    }));
    // Overwrite the victim's presence, then remove it, then add a crowd of invented people.
    socket.send(awarenessFrame([{ clientId: victim.doc.clientID, clock: 1000, state: { user: { name: 'Hacked' } } }]));
    socket.send(awarenessFrame([{ clientId: victim.doc.clientID, clock: 1001, state: null }]));
    socket.send(awarenessFrame(fakes));
    // The attacker's own change after those: once the watcher has it, the forged frames were handled.
    attacker.provider.awareness.setLocalStateField('cursor', { x: 5, y: 6 });
    await sees(
      watcher,
      () =>
        (watcher.provider.awareness.getStates().get(attacker.doc.clientID) as { cursor?: { x: number } } | undefined)
          ?.cursor?.x === 5,
    );
    expect(userOf(watcher, victim.doc)?.name).toBe(bo.person.name);
    expect(watcher.provider.awareness.getStates().size).toBe(3);
    expect(attacker.provider.wsconnected).toBe(true);
  });
});
