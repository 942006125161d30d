import { createNote, notesOf } from '@samle/shared';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BenchClient, withTimeout } from './client.mjs';
import { sleep } from './proc.mjs';
import { median, round } from './stats.mjs';

/**
 * Scenario (c): boards of 5,000 notes. Each board is seeded through a client
 * (in transactions of 250 notes, so no frame comes near a frame limit), then a
 * fresh client joins and we time how long until it holds every note. Memory
 * per loaded board is what the server holds after two full garbage collections
 * (V8 heap in use plus memory outside it, array buffers included: heapWatch.mjs,
 * preloaded into every server) with `boards` such boards loaded, minus the same
 * before, divided by `boards`. The RSS growth (also after the GCs) is printed
 * beside it: it also counts pages V8 and the allocator keep after collecting.
 */
const NOTES = 5000;
const CHUNK = 250;
const MiB = 1024 * 1024;

/** Note `i` of scenario (c)'s board (bench/relay/writtenBoard.mjs writes the same board). */
export function bigBoardNote(i) {
  return {
    id: `note-${i}`,
    x: (i % 100) * 220,
    y: Math.floor(i / 100) * 180,
    text: `Idea ${i}: keep it`,
    authorId: `participant-${i % 40}`,
    authorName: `Participant ${i % 40}`,
    createdAt: 1_700_000_000_000 + i,
  };
}

function seedBoard(client) {
  const doc = client.doc;
  for (let start = 0; start < NOTES; start += CHUNK) {
    client.edit(() => {
      for (let i = start; i < Math.min(NOTES, start + CHUNK); i++) {
        createNote(doc, bigBoardNote(i));
      }
    });
  }
}

/** A client joins and waits until it holds all notes. Uses the stock WebsocketProvider where the server speaks plain y-websocket. */
export async function timeToFullState(server, room) {
  const started = performance.now();
  if (server.providerBase) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.providerBase, room, doc, {
      WebSocketPolyfill: WebSocket,
      disableBc: true,
      params: server.params(room),
    });
    try {
      await withTimeout(
        new Promise((resolve) => {
          const check = () => {
            if (provider.synced && notesOf(doc).size >= NOTES) resolve();
          };
          provider.on('sync', check);
          doc.on('afterTransaction', check);
        }),
        30_000,
        'stock provider did not get the full board',
      );
      return { ms: performance.now() - started, client: 'stock WebsocketProvider' };
    } finally {
      provider.destroy();
      doc.destroy();
    }
  }
  const client = new BenchClient({ url: server.roomUrl(room), room, framing: server.framing });
  try {
    await withTimeout(client.ready, 30_000, 'client did not sync');
    if (notesOf(client.doc).size < NOTES) throw new Error(`synced with ${notesOf(client.doc).size} notes`);
    return { ms: performance.now() - started, client: 'hand-written client' };
  } finally {
    client.close();
  }
}

/** What the server holds after two full GCs (heap in use + external) and its RSS then, from heapWatch.mjs's line. */
async function heldBytes(server) {
  const line = /heap-held seq=(\d+) gc=(\d) rss=(\d+) heap=(\d+) external=(\d+)\n/g;
  const lastSeq = () => Number([...server.output().matchAll(line)].at(-1)?.[1] ?? 0);
  const before = lastSeq();
  process.kill(server.pid, 'SIGWINCH');
  for (let i = 0; i < 400; i++) {
    const last = [...server.output().matchAll(line)].at(-1);
    if (last && Number(last[1]) > before) {
      if (last[2] !== '1') throw new Error('the server ran without --expose-gc (heapWatch.mjs)');
      return { held: Number(last[4]) + Number(last[5]), rss: Number(last[3]) };
    }
    await sleep(25);
  }
  throw new Error(`${server.kind} printed no heap-held line (is heapWatch.mjs loaded?)`);
}

export async function runBigBoard(server, { boards, settleMs = 3000 }) {
  await sleep(settleMs);
  const { held: heldBefore, rss: rssBefore } = await heldBytes(server);
  const seeders = [];
  const rooms = [];
  let encodedBytes = 0;
  for (let b = 0; b < boards; b++) {
    const room = await server.createRoom(`big board ${b + 1}`);
    const seeder = new BenchClient({ url: server.roomUrl(room), room, framing: server.framing });
    await withTimeout(seeder.ready, 20_000, 'seeding client did not sync');
    seedBoard(seeder);
    encodedBytes = Y.encodeStateAsUpdate(seeder.doc).byteLength;
    seeders.push(seeder);
    rooms.push(room);
  }
  // A fresh client per board proves the server holds everything, and times the join.
  const joins = [];
  for (const room of rooms) joins.push(await timeToFullState(server, room));
  // The seeders stay connected: servers without storage drop a doc when its last client leaves.
  await sleep(settleMs);
  const { held: heldLoaded, rss: rssLoaded } = await heldBytes(server);
  const errors = seeders.reduce((sum, s) => sum + s.errors.length, 0);
  return {
    seeders,
    rooms,
    result: {
      boards,
      notesPerBoard: NOTES,
      encodedBytes,
      rssBeforeMiB: round(rssBefore / MiB),
      rssLoadedMiB: round(rssLoaded / MiB),
      heldBeforeMiB: round(heldBefore / MiB),
      heldLoadedMiB: round(heldLoaded / MiB),
      memPerBoardMiB: round((heldLoaded - heldBefore) / MiB / boards, 2),
      memPerEncodedByte: round((heldLoaded - heldBefore) / boards / encodedBytes, 1),
      rssPerBoardMiB: round((rssLoaded - rssBefore) / MiB / boards, 2),
      rssPerEncodedByte: round((rssLoaded - rssBefore) / boards / encodedBytes, 1),
      fullStateMs: round(median(joins.map((j) => j.ms))),
      fullStateMaxMs: round(Math.max(...joins.map((j) => j.ms))),
      fullStateClient: joins[0]?.client,
      errors,
    },
  };
}

/** Samle only: restart on the same data folder and load the boards cold from SQLite. */
export async function runColdLoad(server, rooms, { settleMs = 3000 }) {
  await sleep(settleMs);
  const { held: heldBefore, rss: rssBefore } = await heldBytes(server);
  const holders = [];
  const joins = [];
  for (const room of rooms) {
    const started = performance.now();
    const holder = new BenchClient({ url: server.roomUrl(room), room, framing: server.framing });
    await withTimeout(holder.ready, 30_000, 'cold-load client did not sync');
    if (notesOf(holder.doc).size < NOTES) throw new Error(`cold load gave ${notesOf(holder.doc).size} notes`);
    joins.push(performance.now() - started);
    holders.push(holder);
  }
  await sleep(settleMs);
  const { held: heldLoaded, rss: rssLoaded } = await heldBytes(server);
  for (const holder of holders) holder.close();
  return {
    rssBeforeMiB: round(rssBefore / MiB),
    rssLoadedMiB: round(rssLoaded / MiB),
    memPerBoardMiB: round((heldLoaded - heldBefore) / MiB / rooms.length, 2),
    rssPerBoardMiB: round((rssLoaded - rssBefore) / MiB / rooms.length, 2),
    coldFullStateMs: round(median(joins)),
  };
}
