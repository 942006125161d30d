import type Database from 'better-sqlite3';
import type { IdeaSupportStore } from '../contracts/ideaSupportTypes.js';

export class SqliteIdeaSupportStore implements IdeaSupportStore {
  constructor(private readonly db: Database.Database) {}

  async setIdeaSupport(
    workshopId: string,
    ideaId: string,
    personId: string,
    supported: boolean,
    at: number,
  ): Promise<boolean> {
    const result = supported
      ? this.db
          .prepare(
            'INSERT INTO idea_supports (workshop_id, idea_id, person_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
          )
          .run(workshopId, ideaId, personId, at)
      : this.db
          .prepare('DELETE FROM idea_supports WHERE workshop_id = ? AND idea_id = ? AND person_id = ?')
          .run(workshopId, ideaId, personId);
    return result.changes > 0;
  }

  async ideaSupportCounts(workshopId: string): Promise<Record<string, number>> {
    const rows = this.db
      .prepare<unknown[], { idea_id: string; n: number }>(
        'SELECT idea_id, COUNT(*) AS n FROM idea_supports WHERE workshop_id = ? GROUP BY idea_id',
      )
      .all(workshopId);
    return Object.fromEntries(rows.map((row) => [row.idea_id, row.n]));
  }

  async ideasSupportedBy(workshopId: string, personId: string): Promise<string[]> {
    const rows = this.db
      .prepare<unknown[], { idea_id: string }>(
        'SELECT idea_id FROM idea_supports WHERE workshop_id = ? AND person_id = ? ORDER BY idea_id',
      )
      .all(workshopId, personId);
    return rows.map((row) => row.idea_id);
  }
}
