#!/usr/bin/env node
// What the relay holds for a written 5,000-note board (issue #19, target (c) ≤ 3× its encoded size), in one
// process: the real Relay (server/dist) on SQLite, six boards each written through a participant's connection
// with the board guard in transactions of 250 notes, as `pnpm bench:relay` (c) writes them; the connections
// stay open. Heap used plus array buffers after full GCs, minus the same before the boards, divided by six.
// Two ways, alternated: `live` — the guard without its index judge, so the relay integrates every update into
// a live Y.Doc (the path before the struct index was wired in) — and `indexed`, the default path.
// `node --expose-gc bench/relay/writtenBoard.mjs [--boards 6] [--rounds 2]` (needs `pnpm build`).
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createNote } from '@samle/shared';
import * as Y from 'yjs';
import { bigBoardNote } from './bigboard.mjs';

const { values } = parseArgs({
  options: { boards: { type: 'string', default: '6' }, rounds: { type: 'string', default: '2' } },
});
if (typeof globalThis.gc !== 'function') {
  console.error('run with node --expose-gc');
  process.exit(2);
}
const BOARDS = Number(values.boards);
const NOTES = 5000;
const repoDir = path.resolve(import.meta.dirname, '..', '..');
const dist = (file) => import(path.join(repoDir, 'server/dist', file));
const { Relay } = await dist('sync/Relay.js');
const { RelayMetrics } = await dist('sync/RelayMetrics.js');
const { SqliteStorage } = await dist('storage/sqlite/SqliteStorage.js');
const { BOARD_ROOTS, notesGuard } = await dist('access/boardPolicy.js');
const { initialBoardUpdate } = await dist('workshops/boardDocs.js');
// The server's own prom-client, so its metrics register where it expects them.
const { Registry } = createRequire(path.join(repoDir, 'server/package.json'))('prom-client');

/** A sync update frame: message 0 (sync), step 2 (update), the update with its length. */
function frame(update) {
  const head = [0, 2];
  for (let n = update.byteLength; ; n >>>= 7) {
    if (n < 0x80) {
      head.push(n);
      break;
    }
    head.push((n & 0x7f) | 0x80);
  }
  const bytes = new Uint8Array(head.length + update.byteLength);
  bytes.set(head);
  bytes.set(update, head.length);
  return bytes;
}

/** The board's 20 updates of 250 notes, written on top of its initial state. */
function boardUpdates(initial) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, initial);
  const updates = [];
  doc.on('update', (update) => updates.push(update));
  for (let start = 0; start < NOTES; start += 250) {
    doc.transact(() => {
      for (let i = start; i < start + 250; i++) {
        createNote(doc, bigBoardNote(i));
      }
    });
  }
  const encoded = Y.encodeStateAsUpdate(doc).byteLength;
  doc.destroy();
  return { updates, encoded };
}

const held = () => {
  globalThis.gc();
  globalThis.gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

const quiet = { info() {}, warn() {}, error: (obj, msg) => console.error(msg, obj) };
const socket = () => ({ send() {}, close() {}, isOpen: () => true, bufferedAmount: () => 0 });

async function run(mode) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samle-written-'));
  const storage = new SqliteStorage({ dataDir });
  let relay;
  const metrics = new RelayMetrics(new Registry(), () => relay?.loadedRooms ?? 0);
  relay = new Relay({
    store: storage,
    limits: {
      maxFrameBytes: 1 << 20,
      maxDocBytes: 64 << 20,
      maxMessagesPerSecond: 1e6,
      maxAwarenessStateBytes: 4096,
      maxWriterBytes: 64 << 20,
      maxBufferedBytes: 64 << 20,
      maxLoadedDocs: 100,
    },
    timings: { idleUnloadMs: 600_000, coldAfterMs: 600_000, compactAfterUpdates: 1e6, compactAfterBytes: 1e12 },
    logger: quiet,
    metrics,
  });
  const initial = initialBoardUpdate('Big board', 'plenum');
  const boards = Array.from({ length: BOARDS }, () => boardUpdates(initial));
  const before = held();
  const started = performance.now();
  for (let b = 0; b < BOARDS; b++) {
    const id = `big-${b}`;
    await storage.createBoard({ id, title: 'Big board', kind: 'plenum', createdAt: 1 }, initial);
    const full = notesGuard({ roots: BOARD_ROOTS, anonymous: false, mayDeleteMany: false, personId: 'p' });
    // `live`: the same guard as a plain function, without the index judge the relay looks for.
    const guard = mode === 'live' ? (doc, update, context) => full(doc, update, context) : full;
    const connection = relay.connect(id, socket(), { canWrite: true, guard, writerKey: null, personId: 'p' });
    await relay.whenLoaded(id);
    for (const update of boards[b].updates) connection.receive(frame(update));
    await relay.drain();
  }
  const ms = performance.now() - started;
  const after = held();
  const states = [];
  for (let b = 0; b < BOARDS; b++) relay.withRoom(`big-${b}`, (room) => states.push(room.content));
  const encoded = boards.reduce((sum, board) => sum + board.encoded, 0) / BOARDS;
  const perBoard = (after - before) / BOARDS;
  const result = {
    mode,
    perBoardMiB: perBoard / 2 ** 20,
    timesEncoded: perBoard / encoded,
    encodedMB: encoded / 1e6,
    live: states.filter((state) => state.isLive).length,
    indexed: states.filter((state) => state.isIndexed).length,
    writeMs: ms / BOARDS,
  };
  states.length = 0;
  await relay.shutdown();
  await storage.close();
  rmSync(dataDir, { recursive: true, force: true });
  return result;
}

const results = [];
for (let round = 0; round < Number(values.rounds); round++) {
  for (const mode of ['live', 'indexed']) results.push(await run(mode));
}
console.log(
  `| round | path | held per board (MiB) | × encoded (${results[0]?.encodedMB.toFixed(2)} MB) | live / indexed docs | write ms per board |`,
);
console.log('| --- | --- | --- | --- | --- | --- |');
results.forEach((r, i) => {
  console.log(
    `| ${Math.floor(i / 2) + 1} | ${r.mode} | ${r.perBoardMiB.toFixed(2)} | ${r.timesEncoded.toFixed(1)}× | ${r.live} / ${r.indexed} | ${r.writeMs.toFixed(0)} |`,
  );
});
