import type pg from 'pg';
import type { AccessStore, InviteRecord } from '../contracts/accessTypes.js';
import { type InviteRow, toInvite } from '../rows.js';
import { inTransaction } from './postgresDb.js';

export class PostgresAccessStore implements AccessStore {
  constructor(private readonly pool: pg.Pool) {}

  async createInvite(i: InviteRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO invites (id, workshop_id, role, single_use, created_at, expires_at, used_at, revoked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [i.id, i.workshopId, i.role, i.singleUse, i.createdAt, i.expiresAt, i.usedAt, i.revokedAt],
    );
  }

  async getInvite(id: string): Promise<InviteRecord | null> {
    const { rows } = await this.pool.query<InviteRow>('SELECT * FROM invites WHERE id = $1', [id]);
    return rows[0] ? toInvite(rows[0]) : null;
  }

  async listInvites(workshopId: string): Promise<Array<InviteRecord & { joined: number }>> {
    const { rows } = await this.pool.query<InviteRow & { joined: string }>(
      `SELECT i.*, (SELECT COUNT(*) FROM people p WHERE p.invite_id = i.id) AS joined
       FROM invites i WHERE i.workshop_id = $1 ORDER BY i.created_at DESC, i.id LIMIT 200`,
      [workshopId],
    );
    return rows.map((row) => ({ ...toInvite(row), joined: Number(row.joined) }));
  }

  async revokeInvite(id: string, now: number): Promise<void> {
    await this.pool.query('UPDATE invites SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [now, id]);
  }

  async claimSingleUse(id: string, now: number): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE invites SET used_at = $1 WHERE id = $2 AND used_at IS NULL AND revoked_at IS NULL',
      [now, id],
    );
    return result.rowCount === 1;
  }

  async recordInvite(personId: string, inviteId: string): Promise<void> {
    await this.pool.query('UPDATE people SET invite_id = $1 WHERE id = $2', [inviteId, personId]);
  }

  async inviteOf(personId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ invite_id: string | null }>('SELECT invite_id FROM people WHERE id = $1', [
      personId,
    ]);
    return rows[0]?.invite_id ?? null;
  }

  async personOfBrowser(workshopId: string, browserKeyHash: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ person_id: string }>(
      'SELECT person_id FROM person_browsers WHERE workshop_id = $1 AND browser_key_hash = $2',
      [workshopId, browserKeyHash],
    );
    return rows[0]?.person_id ?? null;
  }

  async rememberBrowser(workshopId: string, browserKeyHash: string, personId: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO person_browsers (workshop_id, browser_key_hash, person_id) VALUES ($1, $2, $3)
       ON CONFLICT (workshop_id, browser_key_hash) DO UPDATE SET person_id = excluded.person_id`,
      [workshopId, browserKeyHash, personId],
    );
  }

  async moveBrowsers(fromId: string, intoId: string): Promise<void> {
    await this.pool.query('UPDATE person_browsers SET person_id = $1 WHERE person_id = $2', [intoId, fromId]);
  }

  async mergeContributions(
    from: { personId: string; respondentKey: string },
    into: { personId: string; respondentKey: string },
  ): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO question_supports (question_id, person_id) SELECT question_id, $1 FROM question_supports WHERE person_id = $2 ON CONFLICT DO NOTHING`,
        [into.personId, from.personId],
      );
      await client.query(`DELETE FROM question_supports WHERE person_id = $1`, [from.personId]);
      await client.query(
        `UPDATE votes SET voter_id = $1 WHERE voter_id = $2 AND round_id IN (SELECT id FROM vote_rounds WHERE status = 'open') AND round_id NOT IN (SELECT round_id FROM votes WHERE voter_id = $3)`,
        [into.personId, from.personId, into.personId],
      );
      await client.query(
        `DELETE FROM votes WHERE voter_id = $1 AND round_id IN (SELECT id FROM vote_rounds WHERE status = 'open')`,
        [from.personId],
      );
      await client.query(
        `UPDATE evaluation_responses SET respondent_key = $1 WHERE respondent_key = $2 AND evaluation_id NOT IN (SELECT evaluation_id FROM evaluation_responses WHERE respondent_key = $3)`,
        [into.respondentKey, from.respondentKey, into.respondentKey],
      );
      await client.query(`DELETE FROM evaluation_responses WHERE respondent_key = $1`, [from.respondentKey]);
    });
  }

  async setJoinCode(sessionId: string, code: string | null): Promise<void> {
    await this.pool.query('UPDATE sessions SET join_code = $1 WHERE id = $2', [code, sessionId]);
  }
}
