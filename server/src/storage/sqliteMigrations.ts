/**
 * Numbered SQLite migrations. Append only: never edit a migration that has shipped;
 * add the next number instead. Each runs in its own transaction.
 */
export const sqliteMigrations: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'docs, update log, snapshots, boards',
    sql: `
      CREATE TABLE docs (
        id TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE doc_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_id TEXT NOT NULL REFERENCES docs(id),
        data BLOB NOT NULL
      );
      CREATE INDEX doc_updates_by_doc ON doc_updates(doc_id, seq);
      CREATE TABLE doc_snapshots (
        doc_id TEXT PRIMARY KEY REFERENCES docs(id),
        data BLOB NOT NULL,
        through_seq INTEGER NOT NULL
      );
      CREATE TABLE boards (
        id TEXT PRIMARY KEY REFERENCES docs(id),
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `,
  },
];
