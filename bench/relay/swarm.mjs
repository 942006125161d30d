import { createNote, notesOf } from '@samle/shared';
import { BenchClient, connectMany, withTimeout } from './client.mjs';
import { cpuSplitMicros, selfCpuMicros, sleep } from './proc.mjs';
import { Histogram, round } from './stats.mjs';

/**
 * A load-generator swarm: `boards` rooms with `clientsPerBoard` hand-written
 * clients each. Every client owns one note on its board and edits only that
 * note; each edit stamps the note's `t` field with the send time, and every
 * other client on the board records (receive time − t) when the change reaches
 * its doc. All clients live in this process, so their clocks agree.
 */
const now = () => performance.timeOrigin + performance.now();

export async function openSwarm(server, { boards, clientsPerBoard, label, fullClients = false }) {
  const latency = new Histogram();
  const tally = { measuring: false, delivered: 0 };
  /** Each sender's edit count when the measured window opened: earlier edits are not counted. */
  const windowStart = new Map();
  const members = [];
  /** Edits from one sender can arrive merged into one frame: count every edit, time the newest. */
  const arrived = (client, id, seq, sentAt, received) => {
    const seen = client.seen.get(id) ?? 0;
    if (seq <= seen) return;
    client.seen.set(id, seq);
    if (!tally.measuring) return;
    const from = Math.max(seen, windowStart.get(id) ?? 0);
    if (seq <= from) return;
    tally.delivered += seq - from;
    latency.record(received - sentAt);
  };
  const onRemoteTransaction = (client, transaction) => {
    const received = now();
    for (const [type, keys] of transaction.changed) {
      if (!keys.has(STAMP_KEY) || type === client.note) continue;
      const stamp = readStamps(type.get(STAMP_KEY))[0];
      if (stamp) arrived(client, memberIds[stamp.sender], stamp.seq, stamp.sentAt, received);
    }
  };
  /**
   * The same, read from the update's bytes without integrating it (light clients): every edit's
   * stamp is an ASCII string in the update (Yjs writes strings as their UTF-8 bytes), found with
   * a byte search. Decoding the update instead costs the load generator several times as much,
   * and in a plenum it reads 120 × 119 updates per round of edits.
   */
  const onRemoteUpdate = (client, update) => {
    const received = now();
    const newest = new Map();
    for (const stamp of readStamps(update)) {
      if ((newest.get(stamp.sender)?.seq ?? -1) < stamp.seq) newest.set(stamp.sender, stamp);
    }
    for (const [sender, { seq, sentAt }] of newest) {
      if (sender !== client.senderIndex) arrived(client, memberIds[sender], seq, sentAt, received);
    }
  };
  /** Each client's note id, by its index in the swarm (the stamp's sender). */
  const memberIds = [];

  for (let b = 0; b < boards; b++) {
    const room = await server.createRoom(`${label} board ${b + 1}`);
    const clients = await connectMany(
      clientsPerBoard,
      () =>
        new BenchClient({
          url: server.roomUrl(room),
          room,
          framing: server.framing,
          onRemoteTransaction,
          onRemoteUpdate,
        }),
    );
    clients.forEach((client, i) => {
      const id = `note-b${b}-c${i}`;
      client.seen = new Map();
      client.edit(() => {
        client.note = createNote(client.doc, { id, x: i * 220, y: b * 180, text: `client ${i}`, createdAt: i });
      });
      client.senderIndex = memberIds.length;
      memberIds.push(id);
      members.push({ client, board: b, id, edits: 0 });
    });
  }
  // Everyone must see every note of its board before the clock starts.
  await withTimeout(
    (async () => {
      while (members.some((m) => notesOf(m.client.doc).size < clientsPerBoard)) await sleep(50);
    })(),
    30_000,
    'notes did not reach every client',
  );

  const clients = members.map((m) => m.client);
  // From here on what the server relays is read, not integrated (unless `fullClients`).
  if (!fullClients) for (const client of clients) client.light = true;
  let cursor = 0;

  /** One edit by the next member in round-robin order: a move, or a keystroke in the note's text. */
  function editOne(kind) {
    const member = members[cursor];
    cursor = (cursor + 1) % members.length;
    const { client } = member;
    const note = client.note;
    member.edits++;
    const typing = kind === 'type' || (kind === 'mixed' && member.edits % 2 === 0);
    client.edit(() => {
      if (typing) {
        const text = note.get('text');
        if (text.length > 200) text.delete(0, 1);
        text.insert(text.length, String.fromCharCode(97 + (member.edits % 26)));
      } else {
        note.set('x', (member.edits * 7) % 2000);
        note.set('y', (member.edits * 13) % 1500);
      }
      note.set(STAMP_KEY, stampOf(client.senderIndex, member.edits, now()));
    });
  }

  /** Sends at `rate` edits/s in total for `durationMs`, spread evenly over time and clients. */
  async function drive(rate, durationMs, kind) {
    const started = performance.now();
    let sent = 0;
    const maxSends = Math.ceil((rate * durationMs) / 1000);
    while (sent < maxSends) {
      const elapsed = performance.now() - started;
      if (elapsed >= durationMs + 5000) break; // the load generator fell far behind; stop anyway
      const due = Math.min(maxSends, Math.floor((rate * elapsed) / 1000));
      while (sent < due) {
        editOne(kind);
        sent++;
      }
      await sleep(2);
    }
    return { sent, sendMs: performance.now() - started };
  }

  /** Drives load and measures it: latency, deliveries, server and load-generator CPU. */
  async function measure(rate, durationMs, kind, { drainMs = 3000 } = {}) {
    latency.reset();
    tally.delivered = 0;
    for (const member of members) windowStart.set(member.id, member.edits);
    const errorsBefore = countErrors(clients);
    const frames0 = await server.framesOut();
    const serverCpu0 = cpuSplitMicros(server.pid);
    const selfCpu0 = selfCpuMicros();
    const wall0 = performance.now();
    tally.measuring = true;
    const { sent, sendMs } = await drive(rate, durationMs, kind);
    const expected = sent * (clientsPerBoard - 1);
    const drainUntil = performance.now() + drainMs;
    while (tally.delivered < expected && performance.now() < drainUntil) await sleep(20);
    tally.measuring = false;
    const wallMs = performance.now() - wall0;
    const serverCpu1 = cpuSplitMicros(server.pid);
    const frames1 = await server.framesOut();
    const serverUserUs = serverCpu1.user - serverCpu0.user;
    const serverSystemUs = serverCpu1.system - serverCpu0.system;
    const serverCpuUs = serverUserUs + serverSystemUs;
    const selfCpuUs = selfCpuMicros() - selfCpu0;
    return {
      targetRate: rate,
      sent,
      rateIn: round((sent * 1000) / sendMs),
      delivered: tally.delivered,
      expected,
      completeness: expected ? round(tally.delivered / expected, 4) : 1,
      latencyMs: latency.summary(),
      serverCpuMs: round(serverCpuUs / 1000),
      serverCpuPerDeliveryUs: tally.delivered ? round(serverCpuUs / tally.delivered, 2) : null,
      /** The same split into user and kernel time (the kernel's share is mostly socket writes). */
      serverUserSystemPerDeliveryUs: tally.delivered
        ? [round(serverUserUs / tally.delivered, 2), round(serverSystemUs / tally.delivered, 2)]
        : null,
      /** Frames the server sent per delivered update (below 1: updates merged into shared frames). */
      framesPerDelivery:
        frames0 !== null && frames1 !== null && tally.delivered
          ? round((frames1 - frames0) / tally.delivered, 3)
          : null,
      serverCoreUse: round(serverCpuUs / 1000 / wallMs, 3),
      loadgenCoreUse: round(selfCpuUs / 1000 / wallMs, 3),
      wallMs: Math.round(wallMs),
      errors: countErrors(clients) - errorsBefore,
    };
  }

  return {
    clients,
    measure,
    warmUp: (rate, ms, kind) => drive(rate, ms, kind),
    errorSamples: () => [...new Set(clients.flatMap((c) => c.errors))].slice(0, 5),
    close() {
      for (const client of clients) client.close();
    },
  };
}

/**
 * An edit's stamp, set on the sender's note: who sent it (the sender's index in the swarm), its
 * number and its send time, between markers no other content of the bench contains.
 */
const STAMP_KEY = 'bench';
const STAMP_OPEN = '~stamp:';
const STAMP_OPEN_BYTES = Buffer.from(STAMP_OPEN, 'latin1');
const STAMP_CLOSE = 0x3b; // ';'

function stampOf(sender, seq, sentAt) {
  return `${STAMP_OPEN}${sender}:${seq}:${sentAt};`;
}

/** Every stamp in a string, or in an update's bytes (a merged update holds several). */
export function readStamps(source) {
  const bytes =
    typeof source === 'string'
      ? Buffer.from(source, 'latin1')
      : Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  const stamps = [];
  let at = bytes.indexOf(STAMP_OPEN_BYTES);
  while (at !== -1) {
    const from = at + STAMP_OPEN_BYTES.length;
    const end = bytes.indexOf(STAMP_CLOSE, from);
    if (end === -1) break;
    const [sender, seq, sentAt] = bytes.latin1Slice(from, end).split(':').map(Number);
    if (Number.isInteger(sender) && Number.isInteger(seq) && sentAt > 0) stamps.push({ sender, seq, sentAt });
    at = bytes.indexOf(STAMP_OPEN_BYTES, end);
  }
  return stamps;
}

function countErrors(clients) {
  let errors = 0;
  for (const client of clients) errors += client.errors.length;
  return errors;
}
