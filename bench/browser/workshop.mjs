// What the synthesis and catalog benchmarks seed: a facilitator, a workshop from the municipal template whose first
// employee day runs group work at a number of tables, and notes on those tables' boards. Everything goes through
// the real API, and the notes through the real sync (a minimal y-websocket client with a write token from the
// operator CLI), so the server stores and serves them as it would a day's notes.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createCluster, createNote, setNoteCluster } from '@samle/shared';
import { BenchClient, withTimeout } from '../relay/client.mjs';

async function call(base, method, pathname, body, cookie) {
  const response = await fetch(`${base}${pathname}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(cookie ? { cookie, 'x-samle-csrf': '1' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw new Error(`${method} ${pathname} answered ${response.status}: ${await response.text()}`);
  return response;
}

export const callApi = call;

/** Signs the first facilitator up; returns the session cookie (`name=value`). */
export async function signUpFacilitator(base) {
  const response = await call(base, 'POST', '/api/auth/signup', {
    name: 'Bench Facilitator',
    email: 'bench@example.dk',
    password: 'benchmark password',
  });
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

/** A workshop whose employee day 1 is open with group work at `tables` tables; returns ids and the table boards. */
export async function workshopWithTables(base, cookie, tables) {
  const created = await (
    await call(base, 'POST', '/api/workshops', { title: 'Erhvervsservice', template: 'municipal-process' }, cookie)
  ).json();
  // The template's second session is employee day 1 (the first is the leaders').
  const sessionId = created.sessions[1].id;
  const workshopId = created.workshop.id;
  await call(base, 'POST', `/api/sessions/${sessionId}/open`, {}, cookie);
  await call(base, 'POST', `/api/sessions/${sessionId}/groups/split`, { count: tables, by: 'random' }, cookie);
  await call(base, 'POST', `/api/sessions/${sessionId}/group-work`, { open: true }, cookie);
  const detail = await (await call(base, 'GET', `/api/workshops/${workshopId}`, undefined, cookie)).json();
  const session = detail.sessions.find((s) => s.id === sessionId);
  const boardIds = session.boards.filter((b) => b.kind === 'group').map((b) => b.id);
  if (boardIds.length !== tables)
    throw new Error(`expected ${tables} table boards, the session has ${boardIds.length}`);
  return { workshopId, sessionId, boardIds };
}

const SUBJECTS = [
  'kortere svartider for virksomheder',
  'én indgang til kommunen',
  'fælles kalender for besøg',
  'bedre vejledning om byggesager',
  'hurtigere tilladelser til udeservering',
  'mere tid til samtalen',
  'tydeligere sagsbehandling',
  'lokale erhvervsnetværk',
  'digital selvbetjening der virker',
  'opfølgning efter første kontakt',
];

/**
 * `notes` notes on one board in transactions of 250, a tenth of them in `themes` themes, the rest loose. Texts of
 * one to three lines, so the rows differ in height as a day's notes do. Resolves once a second client has them all.
 */
export async function seedBoard(server, boardId, { notes, themes = 5, prefix = '' }) {
  const token = execFileSync(
    process.execPath,
    [
      path.join(server.samleDir, 'server/dist/cli.js'),
      'mint-token',
      `--doc=${boardId}`,
      '--access=write',
      '--ttl=3600',
    ],
    { env: { ...process.env, SAMLE_DATA_DIR: server.dataDir }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  ).trim();
  const url = `ws://127.0.0.1:${server.port}/sync/${boardId}?token=${token}`;
  const client = new BenchClient({ url, room: boardId, framing: 'yws' });
  await withTimeout(client.ready, 30_000, 'seeding client did not sync');
  const themed = Math.floor(notes / 10);
  client.edit(() => {
    for (let t = 0; t < themes; t++) {
      createCluster(client.doc, {
        id: `t${t}`,
        x: t * 700,
        y: 0,
        w: 640,
        h: 2000,
        title: `Tema ${t + 1}`,
        createdAt: t,
      });
    }
  });
  for (let start = 0; start < notes; start += 250) {
    client.edit(() => {
      for (let i = start; i < Math.min(notes, start + 250); i++) {
        const subject = SUBJECTS[i % SUBJECTS.length];
        const lines = 1 + (i % 3);
        const text = [`${prefix}Idé ${i + 1}: ${subject}`, 'og en grund mere til det', 'set fra borgerens side']
          .slice(0, lines)
          .join('\n');
        createNote(client.doc, {
          id: `n${i}`,
          x: (i % 40) * 230,
          y: 2200 + Math.floor(i / 40) * 190,
          text,
          authorName: `Deltager ${(i % 17) + 1}`,
          createdAt: i,
        });
        if (i < themed && themes > 0) setNoteCluster(client.doc, `n${i}`, `t${i % themes}`);
      }
    });
  }
  const check = new BenchClient({ url, room: boardId, framing: 'yws' });
  await withTimeout(
    (async () => {
      await check.ready;
      while (check.doc.getMap('notes').size < notes) await new Promise((r) => setTimeout(r, 50));
    })(),
    120_000,
    'seeded notes did not arrive',
  );
  client.close();
  check.close();
}

/** A browser context signed in as the facilitator (Danish, 1440×900 unless told). */
export async function facilitatorContext(browser, base, cookie, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'da-DK', ...options });
  const url = new URL(base);
  await context.addCookies([
    { name: cookie.split('=')[0], value: cookie.split('=').slice(1).join('='), domain: url.hostname, path: '/' },
  ]);
  return context;
}

/** CPU seconds Chromium's processes have used so far (all of them: browser, renderers, GPU, utility). */
export async function browserCpu(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  await cdp.detach();
  return processInfo.reduce((sum, info) => sum + info.cpuTime, 0);
}

export const percentile = (sorted, p) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
