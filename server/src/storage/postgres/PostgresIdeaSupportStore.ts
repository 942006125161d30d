import type pg from 'pg';
import type { IdeaSupportStore } from '../contracts/ideaSupportTypes.js';

export class PostgresIdeaSupportStore implements IdeaSupportStore {
  constructor(private readonly pool: pg.Pool) {}

  async setIdeaSupport(
    workshopId: string,
    ideaId: string,
    personId: string,
    supported: boolean,
    at: number,
  ): Promise<boolean> {
    const result = supported
      ? await this.pool.query(
          `INSERT INTO idea_supports (workshop_id, idea_id, person_id, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING`,
          [workshopId, ideaId, personId, at],
        )
      : await this.pool.query('DELETE FROM idea_supports WHERE workshop_id = $1 AND idea_id = $2 AND person_id = $3', [
          workshopId,
          ideaId,
          personId,
        ]);
    return (result.rowCount ?? 0) > 0;
  }

  async ideaSupportCounts(workshopId: string): Promise<Record<string, number>> {
    const { rows } = await this.pool.query<{ idea_id: string; n: number }>(
      'SELECT idea_id, COUNT(*)::int AS n FROM idea_supports WHERE workshop_id = $1 GROUP BY idea_id',
      [workshopId],
    );
    return Object.fromEntries(rows.map((row) => [row.idea_id, row.n]));
  }

  async ideasSupportedBy(workshopId: string, personId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ idea_id: string }>(
      'SELECT idea_id FROM idea_supports WHERE workshop_id = $1 AND person_id = $2 ORDER BY idea_id',
      [workshopId, personId],
    );
    return rows.map((row) => row.idea_id);
  }
}
