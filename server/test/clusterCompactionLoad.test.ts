import { createNote } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { useProcessCluster } from './support/processCluster.js';
import { boardWithToken, metricValue, type ServerProcess } from './support/processes.js';
import { type StockClient, synced } from './support/stockClient.js';

/**
 * Issue #20's compaction storm: with two instances each counted every log row but subtracted
 * only the rows its own compaction merged, so after the other's compaction every batch
 * compacted again. Here one board is written by 10 + 10 writers on two instances and another,
 * at the same time, by 20 writers on a third instance alone (same load, same machine, same
 * minute); the compactions of each board are read from `samle_doc_compactions`.
 */

const METRICS_TOKEN = 'cluster-compaction-metrics-token';
const LOAD_MS = 60_000;
/** Each writer adds a note this often: 40 updates a second per board, few enough to be stored one row each. */
const WRITE_EVERY_MS = 500;

const cluster = useProcessCluster();
const start = cluster.start;

function writers(on: ServerProcess, boardId: string, token: string, count: number): StockClient[] {
  return Array.from({ length: count }, () => cluster.client(on.wsUrl, boardId, token));
}

/** Starts every client writing a note every WRITE_EVERY_MS (staggered); returns how to stop them. */
function write(clients: StockClient[], name: string): () => number {
  let written = 0;
  const timers = clients.map((client, index) => {
    let n = 0;
    const first = setTimeout(
      () => {
        const every = setInterval(() => {
          n++;
          written++;
          createNote(client.doc, { id: `${name}-${index}-${n}`, x: n, y: index, text: `${n}`, createdAt: n });
        }, WRITE_EVERY_MS);
        timers[index] = every;
      },
      (index * WRITE_EVERY_MS) / clients.length,
    );
    return first;
  });
  return () => {
    // clearTimeout ends intervals too.
    for (const timer of timers) clearTimeout(timer);
    return written;
  };
}

describe('several instances: compactions under load', () => {
  it('10 + 10 writers on two instances for 60 s compact no more than twice as often as 20 writers on one', async () => {
    const env = cluster.sharedEnv({
      SAMLE_METRICS_TOKEN: METRICS_TOKEN,
      // A few hundred rows a minute per board (the relay merges what arrives together): a dozen or
      // more compactions each; a storm makes hundreds.
      SAMLE_COMPACT_AFTER_UPDATES: '20',
    });
    const [a, b, alone] = await Promise.all([start(env), start(env), start(env)]);
    const shared = await boardWithToken(a.baseUrl, env, 'Shared');
    const single = await boardWithToken(alone.baseUrl, env, 'Single');
    const onShared = [...writers(a, shared.boardId, shared.token, 10), ...writers(b, shared.boardId, shared.token, 10)];
    const onSingle = writers(alone, single.boardId, single.token, 20);
    await Promise.all([...onShared, ...onSingle].map(synced));

    const stopShared = write(onShared, 'shared');
    const stopSingle = write(onSingle, 'single');
    await new Promise((resolve) => setTimeout(resolve, LOAD_MS));
    const writtenShared = stopShared();
    const writtenSingle = stopSingle();

    const compactions = async (on: ServerProcess, boardId: string) =>
      metricValue(on.baseUrl, METRICS_TOKEN, 'samle_doc_compactions', `doc="${boardId}"`);
    const two = (await compactions(a, shared.boardId)) + (await compactions(b, shared.boardId));
    const one = await compactions(alone, single.boardId);
    console.info(
      `compactions in ${LOAD_MS / 1000} s: two instances ${two} (${writtenShared} notes), one instance ${one} (${writtenSingle} notes)`,
    );
    // The load really made the single instance compact, again and again.
    expect(one).toBeGreaterThanOrEqual(5);
    expect(two).toBeLessThanOrEqual(2 * one);
  }, 300_000);
});
