import { AUTHOR_KEYS, createNote, notesOf } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BOARD_ROOTS,
  MAX_FOREIGN_DELETES_PER_MINUTE,
  type NotesPolicy,
  notesGuard,
} from '../src/access/boardPolicy.js';
import { MAX_NESTING_DEPTH } from '../src/access/shadowGuard.js';
import { factsRefusal, StructIndex } from '../src/access/structIndex.js';
import type { GuardContext } from '../src/sync/types.js';

/**
 * The struct index must decide what the live-document guard decides (boardPolicy.ts), update by
 * update: here both judge the same updates — honest edits by several writers, and crafted ones —
 * and must agree on accept or refuse.
 */

const participant = (anonymous: boolean, personId: string | null): NotesPolicy => ({
  roots: BOARD_ROOTS,
  anonymous,
  mayDeleteMany: false,
  personId,
});

/** The server's side: a live doc with the real guard, and the index beside it. */
function server(base?: Uint8Array) {
  let accepted: Uint8Array[] = base ? [base] : [];
  let live = new Y.Doc();
  for (const update of accepted) Y.applyUpdate(live, update);
  const index = new StructIndex();
  for (const update of accepted) index.apply(update);
  const ownClientsOf = new Map<string, Set<number>>();
  return {
    /** Both verdicts for one update from a writer: refused or not, by the live guard and by the index. */
    judge(update: Uint8Array, policy: NotesPolicy, writerClient: number, recentForeignDeletes = 0) {
      const ownClients = ownClientsOf.get(policy.personId ?? '') ?? new Set<number>();
      ownClientsOf.set(policy.personId ?? '', ownClients);
      const context: GuardContext = {
        ownClients: new Set([...ownClients, writerClient]),
        recentForeignDeletes,
        foreignDeletes: 0,
      };
      const liveVerdict = notesGuard(policy)(live, update, context);
      const { facts, commit } = index.judge(update);
      const indexVerdict = factsRefusal(
        facts,
        {
          ...policy,
          maxDepth: MAX_NESTING_DEPTH,
          maxForeignDeletes: MAX_FOREIGN_DELETES_PER_MINUTE,
          authorKeys: new Set(AUTHOR_KEYS),
        },
        { ownClients: context.ownClients, recentForeignDeletes },
      );
      if (liveVerdict === null) {
        accepted.push(update);
        commit();
        ownClients.add(writerClient);
      } else {
        // As the room does: throw the live doc away and rebuild it from what was accepted.
        live = new Y.Doc();
        accepted = [Y.mergeUpdates(accepted)];
        Y.applyUpdate(live, accepted[0] as Uint8Array);
      }
      return { live: liveVerdict !== null, index: indexVerdict !== null, indexVerdict, liveVerdict };
    },
    get live() {
      return live;
    },
    index,
  };
}

/** A writer's doc that captures each transaction's update. */
function writer(from: Y.Doc, clientID: number) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return {
    doc,
    /** Runs `change` and returns its update (one transaction). */
    write(change: (doc: Y.Doc) => void): Uint8Array {
      updates.length = 0;
      doc.transact(() => change(doc));
      return Y.mergeUpdates(updates.splice(0));
    },
  };
}

function seededBoard(notes: number, authorOf: (i: number) => string | undefined): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 1;
  doc.getMap('meta').set('title', 'Byggesager');
  for (let i = 0; i < notes; i++) {
    const authorId = authorOf(i);
    createNote(doc, {
      id: `n${i}`,
      x: i * 10,
      y: 0,
      text: `Idé ${i}`,
      ...(authorId ? { authorId } : {}),
      createdAt: i,
    });
  }
  return Y.encodeStateAsUpdate(doc);
}

describe('the struct index judges like the live-document guard', () => {
  it('agrees on 300 random honest edits by three writers, including over-the-limit deletes of others', () => {
    const base = seededBoard(120, (i) => ['ada', 'bo', 'cy', 'dan'][i % 4]);
    const samle = server(base);
    const people = [{ personId: 'ada' }, { personId: 'bo' }, { personId: 'cy' }];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let refusals = 0;
    for (let step = 0; step < 300; step++) {
      const person = people[random(3)] as (typeof people)[number];
      // Each writer starts from the server's accepted state (as after a reconnect).
      const fresh = writer(samle.live, 1000 + step);
      const ids = [...notesOf(fresh.doc).keys()];
      const pick = () => ids[random(ids.length)] as string;
      const kind = random(6);
      const update = fresh.write((doc) => {
        const notes = notesOf(doc);
        if (kind === 0 || ids.length === 0) {
          createNote(doc, { id: `s${step}`, x: step, y: step, text: 'Ny', authorId: person.personId, createdAt: step });
        } else if (kind === 1) notes.get(pick())?.set('x', step);
        else if (kind === 2) (notes.get(pick())?.get('text') as Y.Text | undefined)?.insert(0, 'å');
        else if (kind === 3) notes.delete(pick());
        else if (kind === 4) {
          const from = random(ids.length);
          for (const id of ids.slice(from, from + 5 + random(20))) notes.delete(id);
        } else createNote(doc, { id: pick(), x: 1, y: 1, text: 'Erstattet', createdAt: step });
      });
      const verdict = samle.judge(update, participant(false, person.personId), fresh.doc.clientID);
      expect(verdict.index, `step ${step}: live ${verdict.liveVerdict} index ${verdict.indexVerdict}`).toBe(
        verdict.live,
      );
      if (verdict.live) refusals++;
    }
    // The run must exercise both answers.
    expect(refusals).toBeGreaterThan(5);
  });

  it('agrees on crafted updates: meta, an author on an anonymous board, depth, missing dependencies', () => {
    const base = seededBoard(5, () => undefined);
    const samle = server(base);
    const anonymous = participant(true, 'ada');
    const mallory = () => writer(samle.live, 666);

    const meta = mallory().write((doc) => doc.getMap('meta').set('anonymous', false));
    expect(samle.judge(meta, anonymous, 666)).toMatchObject({ live: true, index: true });

    const signed = mallory().write((doc) => notesOf(doc).get('n1')?.set('authorId', 'ada'));
    expect(samle.judge(signed, anonymous, 666)).toMatchObject({ live: true, index: true });

    const other = mallory().write((doc) => doc.getMap('secrets').set('x', 1));
    expect(samle.judge(other, anonymous, 666)).toMatchObject({ live: true, index: true });

    const deep = mallory().write((doc) => {
      let map = new Y.Map<unknown>();
      notesOf(doc).set('deep', map);
      for (let i = 0; i < MAX_NESTING_DEPTH + 2; i++) {
        const inner = new Y.Map<unknown>();
        map.set('child', inner);
        map = inner;
      }
    });
    expect(samle.judge(deep, anonymous, 666)).toMatchObject({ live: true, index: true });

    // An update that builds on one the server never got.
    const ahead = writer(samle.live, 777);
    ahead.write((doc) => createNote(doc, { id: 'first', x: 0, y: 0, text: 'a', createdAt: 1 }));
    const second = ahead.write((doc) => notesOf(doc).get('first')?.set('x', 5));
    expect(samle.judge(second, anonymous, 777)).toMatchObject({ live: true, index: true });

    // A fine edit is accepted by both, and so is a reconnecting writer's whole state (its delete set names
    // the server's own earlier changes to meta, which are already deleted).
    const server2 = writer(samle.live, 1);
    const retitle = server2.write((doc) => doc.getMap('meta').set('title', 'Hurtigere byggesager'));
    Y.applyUpdate(samle.live, retitle);
    samle.index.apply(retitle);
    const honest = writer(samle.live, 888);
    const move = honest.write((doc) => notesOf(doc).get('n2')?.set('x', 99));
    expect(samle.judge(move, anonymous, 888)).toMatchObject({ live: false, index: false });
    expect(samle.judge(Y.encodeStateAsUpdate(honest.doc), anonymous, 888)).toMatchObject({ live: false, index: false });
  });
});

describe("the struct index's state vector of some clients", () => {
  it('cuts an update down exactly as the whole board would: overlaps, typing, deletes (relay diff, issue #19)', () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let compared = 0;
    for (let round = 0; round < 40; round++) {
      const docs = Array.from({ length: 4 }, () => new Y.Doc());
      for (let k = 0; k < 30; k++) {
        const doc = docs[k % 4] as Y.Doc;
        doc.getMap('notes').set(`n${k % 7}`, `v${round}-${k}`);
        const text = doc.getText(`t${k % 3}`);
        text.insert(0, 'abc'.repeat((k % 5) + 1));
        if (text.length > 4) text.delete(1, 2);
        Y.applyUpdate(docs[random(4)] as Y.Doc, Y.encodeStateAsUpdate(docs[random(4)] as Y.Doc));
      }
      const index = StructIndex.from(Y.encodeStateAsUpdate(docs[0] as Y.Doc));
      for (const writer of docs.slice(1)) {
        // A writer's whole state: part of it the server has, part is new, with deletes of others' text.
        const update = Y.encodeStateAsUpdate(writer);
        const clients = new Set(Y.decodeUpdate(update).structs.map((struct) => struct.id.client));
        const whole = Y.diffUpdate(update, index.stateVector());
        expect(Y.diffUpdate(update, index.stateVector(clients))).toEqual(whole);
        compared++;
      }
    }
    expect(compared).toBe(120);
  });
});
