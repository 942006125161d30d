import { createNote } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { sharedSecret } from './support/cluster.js';
import { notesOf, useProcessCluster } from './support/processCluster.js';
import { boardWithToken, metricValue, type ServerProcess } from './support/processes.js';
import { type StockClient, synced, until } from './support/stockClient.js';

/**
 * Issue #20's silent split: an instance killed (kill -9) after it committed an update and
 * before it published it. The survivor never hears of that update over Redis; nothing later
 * builds on it, so nothing else makes the survivor look. Built server processes on real
 * PostgreSQL and Redis; the crash is injected with SAMLE_TEST_KILL_BEFORE_PUBLISHING (a hook
 * only tests set: the process SIGKILLs itself when a stored update contains the text).
 */

const METRICS_TOKEN = 'cluster-split-metrics-token';
const MARK = 'crash-here';
/** The database stores the key's fingerprint: every instance of this file's tests shares one key. */
const SECRET = sharedSecret();

const cluster = useProcessCluster();
const start = cluster.start;
const storedNotes = (boardId: string) => cluster.storedNotes(boardId);
const client = (on: ServerProcess, boardId: string, token: string): StockClient =>
  cluster.client(on.wsUrl, boardId, token);

/**
 * A writes five notes (each reaches B's observer over the bus), then a sixth that A stores and
 * dies before publishing. Returns when A has exited, with what storage holds then.
 */
async function splitByCrash(bEnv: Record<string, string>) {
  const env = cluster.sharedEnv({ SAMLE_SECRET: SECRET, SAMLE_METRICS_TOKEN: METRICS_TOKEN });
  const a = await start({ ...env, SAMLE_TEST_KILL_BEFORE_PUBLISHING: MARK });
  const b = await start({ ...env, ...bEnv });
  const { boardId, token } = await boardWithToken(b.baseUrl, env, 'Split');
  // B's observer stays connected throughout, so B keeps the board loaded (it never re-reads it).
  const observer = client(b, boardId, token);
  const writer = client(a, boardId, token);
  await Promise.all([synced(observer), synced(writer)]);
  for (let i = 0; i < 5; i++) {
    createNote(writer.doc, { id: `n${i}`, x: i * 10, y: 0, text: `note ${i}`, createdAt: i + 1 });
    await until(observer.doc, (doc) => notesOf(doc).includes(`n${i}=note ${i}`));
  }
  createNote(writer.doc, { id: 'last', x: 60, y: 0, text: MARK, createdAt: 7 });
  await a.exited;
  const killedAt = Date.now();
  const stored = await storedNotes(boardId);
  // The crash came after the commit: storage has the note.
  expect(stored).toContain(`last=${MARK}`);
  expect(stored).toHaveLength(6);
  return { env, a, b, boardId, token, observer, stored, killedAt };
}

/** A fresh stock client on `on` reaches everything storage holds; resolves with how long that took from `since`. */
async function freshClientHasAll(on: ServerProcess, boardId: string, token: string, stored: string[], since: number) {
  const fresh = client(on, boardId, token);
  await synced(fresh);
  await until(fresh.doc, (doc) => stored.every((entry) => notesOf(doc).includes(entry)));
  return Date.now() - since;
}

describe('several instances: no silent split after kill -9 between commit and publish', () => {
  it('the periodic comparison with storage repairs the survivor within 5 s; a restarted instance has it too', async () => {
    const { env, b, boardId, token, stored, killedAt } = await splitByCrash({});
    const onB = await freshClientHasAll(b, boardId, token, stored, killedAt);
    console.info(`periodic look: a fresh client on the survivor had every stored note ${onB} ms after the kill`);
    expect(onB).toBeLessThan(5000);
    // A restarted instance reads the board from storage: it has everything as soon as it serves.
    const restarted = await start(env);
    const onRestarted = await freshClientHasAll(restarted, boardId, token, stored, Date.now());
    expect(onRestarted).toBeLessThan(5000);
    expect(await metricValue(b.baseUrl, METRICS_TOKEN, 'samle_cluster_repairs_total', 'trigger="reconcile"')).toBe(1);
  }, 240_000);

  it('with the periodic comparison off, the restarted instance announcing itself repairs the survivor', async () => {
    const { env, b, boardId, token, observer, stored } = await splitByCrash({ SAMLE_RECONCILE_MS: '0' });
    // The split: B serves a board without the stored note, to its clients and to fresh ones.
    const before = client(b, boardId, token);
    await synced(before);
    expect(notesOf(before.doc)).not.toContain(`last=${MARK}`);
    expect(notesOf(observer.doc)).not.toContain(`last=${MARK}`);
    const restarted = await start(env);
    // It announced itself as it started (before it printed its address).
    const restartedAt = Date.now();
    const onB = await freshClientHasAll(b, boardId, token, stored, restartedAt);
    console.info(`announcement: a fresh client on the survivor had every stored note ${onB} ms after the restart`);
    expect(onB).toBeLessThan(5000);
    await until(observer.doc, (doc) => notesOf(doc).includes(`last=${MARK}`));
    await freshClientHasAll(restarted, boardId, token, stored, restartedAt);
    expect(await metricValue(b.baseUrl, METRICS_TOKEN, 'samle_cluster_repairs_total', 'trigger="announce"')).toBe(1);
  }, 240_000);
});
