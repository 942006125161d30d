import { CloseCode, createNote, notesOf } from '@samle/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { facilitatorClient } from './support/hostileClient.js';
import { type RunningSamle, startSamle } from './support/samleServer.js';
import { nextClose, type StockClient, stockClient, synced, until } from './support/stockClient.js';
import { type WorkshopFixture, workshopWithTables } from './support/workshopFixture.js';

/** Small limits, so a board one person filled is several times the send-buffer bound. */
const QUOTA = 200_000;
const BUFFERED = 64 * 1024;
const NOTE_BYTES = 20_000;

let samle: RunningSamle;
let fx: WorkshopFixture;
const clients: StockClient[] = [];

beforeEach(async () => {
  samle = await startSamle({
    env: { SAMLE_MAX_WRITER_BYTES: String(QUOTA), SAMLE_MAX_BUFFERED_BYTES: String(BUFFERED) },
  });
  fx = await workshopWithTables(samle);
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await samle.stop();
});

function connect(docId: string, token: string): StockClient {
  const c = stockClient(samle.wsUrl, docId, { token });
  clients.push(c);
  return c;
}

function untilNote(doc: Y.Doc, id: string): Promise<void> {
  return until(doc, (d) => notesOf(d).has(id));
}

/** Bytes of note text on a board as a client holds it. */
function textBytes(doc: Y.Doc): number {
  let sum = 0;
  for (const note of notesOf(doc).values()) sum += String(note.get('text') ?? '').length;
  return sum;
}

describe('a board one person filled to their quota', () => {
  it('refuses their next update (4415) and still opens for a fresh stock client and the facilitator', async () => {
    const [ada, bo] = fx.participants;
    if (!ada || !bo) throw new Error('fixture without participants');
    const filler = connect(fx.plenumBoardId, ada.token);
    const watcher = connect(fx.plenumBoardId, bo.token);
    await Promise.all([synced(filler), synced(watcher)]);
    const refused = nextClose(filler);
    let closed = false;
    void refused.then(() => {
      closed = true;
    });
    // Big notes written past what the UI allows (a hand-written client), one at a time: each is relayed
    // (a frame well under the send-buffer bound) before the next, until the quota refuses one.
    for (let i = 0; i < 12 && !closed; i++) {
      filler.doc.transact(() => {
        const note = createNote(filler.doc, { id: `big-${i}`, x: 0, y: 0, createdAt: i });
        (note.get('text') as Y.Text).insert(0, String(i % 10).repeat(NOTE_BYTES));
      });
      await Promise.race([refused, untilNote(watcher.doc, `big-${i}`)]);
    }
    const close = await refused;
    expect(close.code).toBe(CloseCode.WriterQuotaExceeded);
    expect(close.reason).toContain(String(QUOTA));

    // The board is now well past the send-buffer bound, and it opens for everyone.
    const fresh = connect(fx.plenumBoardId, bo.token);
    await synced(fresh);
    const stored = textBytes(fresh.doc);
    expect(stored).toBeGreaterThan(BUFFERED * 2);
    expect(stored).toBeLessThanOrEqual(QUOTA);
    const facilitator = await facilitatorClient(samle, fx.plenumBoardId);
    clients.push(facilitator);
    await synced(facilitator);
    expect(textBytes(facilitator.doc)).toBe(stored);

    // Someone else may still write.
    createNote(fresh.doc, { id: 'bo', x: 0, y: 0, text: 'plads til mig', createdAt: 99 });
    await untilNote(watcher.doc, 'bo');
  });
});
