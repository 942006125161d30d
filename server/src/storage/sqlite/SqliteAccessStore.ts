import type Database from 'better-sqlite3';
import type { AccessStore, InviteRecord } from '../contracts/accessTypes.js';
import { type InviteRow, toInvite } from '../rows.js';

export class SqliteAccessStore implements AccessStore {
  constructor(private readonly db: Database.Database) {}

  async createInvite(i: InviteRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO invites (id, workshop_id, role, single_use, created_at, expires_at, used_at, revoked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(i.id, i.workshopId, i.role, i.singleUse ? 1 : 0, i.createdAt, i.expiresAt, i.usedAt, i.revokedAt);
  }

  async getInvite(id: string): Promise<InviteRecord | null> {
    const row = this.db.prepare<unknown[], InviteRow>('SELECT * FROM invites WHERE id = ?').get(id);
    return row ? toInvite(row) : null;
  }

  async listInvites(workshopId: string): Promise<Array<InviteRecord & { joined: number }>> {
    const rows = this.db
      .prepare<unknown[], InviteRow & { joined: number }>(
        `SELECT i.*, (SELECT COUNT(*) FROM people p WHERE p.invite_id = i.id) AS joined
         FROM invites i WHERE i.workshop_id = ? ORDER BY i.created_at DESC, i.id LIMIT 200`,
      )
      .all(workshopId);
    return rows.map((row) => ({ ...toInvite(row), joined: Number(row.joined) }));
  }

  async revokeInvite(id: string, now: number): Promise<void> {
    this.db.prepare('UPDATE invites SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id);
  }

  async claimSingleUse(id: string, now: number): Promise<boolean> {
    const result = this.db
      .prepare('UPDATE invites SET used_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL')
      .run(now, id);
    return result.changes === 1;
  }

  async recordInvite(personId: string, inviteId: string): Promise<void> {
    this.db.prepare('UPDATE people SET invite_id = ? WHERE id = ?').run(inviteId, personId);
  }

  async inviteOf(personId: string): Promise<string | null> {
    const row = this.db
      .prepare<unknown[], { invite_id: string | null }>('SELECT invite_id FROM people WHERE id = ?')
      .get(personId);
    return row?.invite_id ?? null;
  }

  async personOfBrowser(workshopId: string, browserKeyHash: string): Promise<string | null> {
    const row = this.db
      .prepare<unknown[], { person_id: string }>(
        'SELECT person_id FROM person_browsers WHERE workshop_id = ? AND browser_key_hash = ?',
      )
      .get(workshopId, browserKeyHash);
    return row?.person_id ?? null;
  }

  async rememberBrowser(workshopId: string, browserKeyHash: string, personId: string): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO person_browsers (workshop_id, browser_key_hash, person_id) VALUES (?, ?, ?)
         ON CONFLICT (workshop_id, browser_key_hash) DO UPDATE SET person_id = excluded.person_id`,
      )
      .run(workshopId, browserKeyHash, personId);
  }

  async moveBrowsers(fromId: string, intoId: string): Promise<void> {
    this.db.prepare('UPDATE person_browsers SET person_id = ? WHERE person_id = ?').run(intoId, fromId);
  }

  async mergeContributions(
    from: { personId: string; respondentKey: string },
    into: { personId: string; respondentKey: string },
  ): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT OR IGNORE INTO question_supports (question_id, person_id) SELECT question_id, ? FROM question_supports WHERE person_id = ?`,
        )
        .run(into.personId, from.personId);
      this.db.prepare(`DELETE FROM question_supports WHERE person_id = ?`).run(from.personId);
      this.db
        .prepare(
          `UPDATE votes SET voter_id = ? WHERE voter_id = ? AND round_id IN (SELECT id FROM vote_rounds WHERE status = 'open') AND round_id NOT IN (SELECT round_id FROM votes WHERE voter_id = ?)`,
        )
        .run(into.personId, from.personId, into.personId);
      this.db
        .prepare(
          `DELETE FROM votes WHERE voter_id = ? AND round_id IN (SELECT id FROM vote_rounds WHERE status = 'open')`,
        )
        .run(from.personId);
      this.db
        .prepare(
          `UPDATE evaluation_responses SET respondent_key = ? WHERE respondent_key = ? AND evaluation_id NOT IN (SELECT evaluation_id FROM evaluation_responses WHERE respondent_key = ?)`,
        )
        .run(into.respondentKey, from.respondentKey, into.respondentKey);
      this.db.prepare(`DELETE FROM evaluation_responses WHERE respondent_key = ?`).run(from.respondentKey);
    })();
  }

  async setJoinCode(sessionId: string, code: string | null): Promise<void> {
    this.db.prepare('UPDATE sessions SET join_code = ? WHERE id = ?').run(code, sessionId);
  }
}
