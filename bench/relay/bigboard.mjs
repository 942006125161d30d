import { createNote, notesOf } from '@samle/shared';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BenchClient, withTimeout } from './client.mjs';
import { rssBytes, sleep } from './proc.mjs';
import { median, round } from './stats.mjs';

/**
 * Scenario (c): boards of 5,000 notes. Each board is seeded through a client
 * (in transactions of 250 notes, so no frame comes near a frame limit), then a
 * fresh client joins and we time how long until it holds every note. Memory
 * per loaded board is the server's RSS growth with `boards` such boards
 * loaded, divided by `boards`.
 */
const NOTES = 5000;
const CHUNK = 250;
const MiB = 1024 * 1024;

function seedBoard(client) {
  const doc = client.doc;
  for (let start = 0; start < NOTES; start += CHUNK) {
    client.edit(() => {
      for (let i = start; i < Math.min(NOTES, start + CHUNK); i++) {
        createNote(doc, {
          id: `note-${i}`,
          x: (i % 100) * 220,
          y: Math.floor(i / 100) * 180,
          text: `Idea ${i}: keep it`,
          authorId: `participant-${i % 40}`,
          authorName: `Participant ${i % 40}`,
          createdAt: 1_700_000_000_000 + i,
        });
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

/** RSS after letting the server settle (V8 collects garbage when idle). */
async function settledRss(pid, ms) {
  await sleep(ms);
  return rssBytes(pid);
}

export async function runBigBoard(server, { boards, settleMs = 3000 }) {
  const rssBefore = await settledRss(server.pid, settleMs);
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
  const rssLoaded = await settledRss(server.pid, settleMs);
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
      memPerBoardMiB: round((rssLoaded - rssBefore) / MiB / boards, 2),
      memPerEncodedByte: round((rssLoaded - rssBefore) / boards / encodedBytes, 1),
      fullStateMs: round(median(joins.map((j) => j.ms))),
      fullStateMaxMs: round(Math.max(...joins.map((j) => j.ms))),
      fullStateClient: joins[0]?.client,
      errors,
    },
  };
}

/** Samle only: restart on the same data folder and load the boards cold from SQLite. */
export async function runColdLoad(server, rooms, { settleMs = 3000 }) {
  const rssBefore = await settledRss(server.pid, settleMs);
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
  const rssLoaded = await settledRss(server.pid, settleMs);
  for (const holder of holders) holder.close();
  return {
    rssBeforeMiB: round(rssBefore / MiB),
    rssLoadedMiB: round(rssLoaded / MiB),
    memPerBoardMiB: round((rssLoaded - rssBefore) / MiB / rooms.length, 2),
    coldFullStateMs: round(median(joins)),
  };
}
