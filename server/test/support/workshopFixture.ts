import path from 'node:path';
import type { Grant, WorkshopDetail } from '@samle/shared';
import { SqliteDatabase } from '../../src/storage/sqlite/sqliteDriver.js';
import type { RunningSamle } from './samleServer.js';

export interface WorkshopFixture {
  detail: WorkshopDetail;
  /** Employee day 1: the session the participants join. */
  sessionId: string;
  leadershipBoardId: string;
  plenumBoardId: string;
  /** Table boards by table index, and which participants sit where. */
  tables: Array<{ groupId: string; boardId: string; members: Grant[] }>;
  participants: Grant[];
  refresh(): Promise<WorkshopDetail>;
}

export async function json<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

export async function join(samle: RunningSamle, code: string, name: string): Promise<Grant> {
  const response = await fetch(`${samle.baseUrl}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, name }),
  });
  return json<Grant>(response, 201);
}

/** Someone the facilitator invited to `workshopId` as a leader or viewer, having accepted under `name`. */
export async function invitedPerson(
  samle: RunningSamle,
  workshopId: string,
  role: 'leader' | 'viewer',
  name: string,
): Promise<Grant> {
  const invite = await json<{ path: string }>(
    await samle.asFacilitator(`/api/workshops/${workshopId}/invites`, { body: { role } }),
    201,
  );
  return json<Grant>(
    await fetch(`${samle.baseUrl}/api/invites/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite: invite.path.replace('/invite/', ''), name }),
    }),
    201,
  );
}

/**
 * A workshop from the template with employee day 1 open, three participants who
 * joined by code, split into two tables with group work open.
 */
export async function workshopWithTables(samle: RunningSamle): Promise<WorkshopFixture> {
  const created = await json<WorkshopDetail>(
    await samle.asFacilitator('/api/workshops', {
      body: { title: 'Erhvervsservice', organisation: 'Testrup Kommune', template: 'municipal-process' },
    }),
    201,
  );
  const workshopId = created.workshop.id;
  const day1 = created.sessions.find((s) => s.kind === 'employee_day');
  const leadership = created.sessions.find((s) => s.kind === 'leadership');
  if (!day1?.joinCode || !leadership) throw new Error('fixture: template without an employee day');
  await json(await samle.asFacilitator(`/api/sessions/${day1.id}/open`, { body: {} }));
  const participants = [
    await join(samle, day1.joinCode, 'Ada'),
    await join(samle, day1.joinCode, 'Bo'),
    await join(samle, day1.joinCode, 'Cai'),
  ];
  await json(await samle.asFacilitator(`/api/sessions/${day1.id}/groups/split`, { body: { count: 2, by: 'random' } }));
  const session = await json<WorkshopDetail['sessions'][number]>(
    await samle.asFacilitator(`/api/sessions/${day1.id}/group-work`, { body: { open: true } }),
  );
  const tables = session.groups.map((group) => ({
    groupId: group.id,
    boardId: group.boardId ?? '',
    members: participants.filter((p) => group.memberIds.includes(p.person.id)),
  }));
  const refresh = async () => json<WorkshopDetail>(await samle.asFacilitator(`/api/workshops/${workshopId}`));
  return {
    detail: await refresh(),
    sessionId: day1.id,
    leadershipBoardId: leadership.boards[0]?.id ?? '',
    plenumBoardId: session.boards.find((b) => b.kind === 'plenum')?.id ?? '',
    tables,
    participants,
    refresh,
  };
}

/** The doc exactly as stored: every log entry and the snapshot, as bytes. */
export function storedBytes(dataDir: string, docId: string): string {
  const db = new SqliteDatabase(path.join(dataDir, 'samle.sqlite'), { readonly: true });
  try {
    const updates = db.prepare('SELECT seq, data FROM doc_updates WHERE doc_id = ? ORDER BY seq').all(docId) as Array<{
      seq: number;
      data: Buffer;
    }>;
    const snapshot = db.prepare('SELECT data FROM doc_snapshots WHERE doc_id = ?').get(docId) as
      | { data: Buffer }
      | undefined;
    return JSON.stringify({
      updates: updates.map((u) => [u.seq, u.data.toString('base64')]),
      snapshot: snapshot?.data.toString('base64') ?? null,
    });
  } finally {
    db.close();
  }
}
