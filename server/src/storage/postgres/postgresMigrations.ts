import type { PoolClient } from 'pg';
import { refuseNewerSchema } from '../schemaVersion.js';

/**
 * Numbered PostgreSQL migrations, the same versions and meaning as `sqliteMigrations.ts`.
 * Append only: never edit a migration that has shipped; add the next number instead (and the
 * same number to the SQLite list). Each runs in its own transaction.
 *
 * Differences from SQLite, on purpose: BYTEA for Yjs bytes, BIGSERIAL for the log sequence,
 * BIGINT for millisecond timestamps, a unique index on lower(email) for SQLite's
 * `UNIQUE COLLATE NOCASE`, and indexes on the foreign-key columns the queries filter by
 * (PostgreSQL, unlike a primary key, does not index the referencing side by itself).
 */
export const postgresMigrations: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'docs, update log, snapshots, boards',
    sql: `
      CREATE TABLE docs (
        id TEXT PRIMARY KEY,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE doc_updates (
        seq BIGSERIAL PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES docs(id),
        data BYTEA NOT NULL
      );
      CREATE INDEX doc_updates_by_doc ON doc_updates(doc_id, seq);
      CREATE TABLE doc_snapshots (
        doc_id TEXT PRIMARY KEY REFERENCES docs(id),
        data BYTEA NOT NULL,
        through_seq BIGINT NOT NULL
      );
      CREATE TABLE boards (
        id TEXT PRIMARY KEY REFERENCES docs(id),
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'facilitators, workshops, sessions, agenda, people, tables; boards belong to sessions',
    sql: `
      CREATE TABLE facilitators (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE UNIQUE INDEX facilitators_email_nocase ON facilitators (lower(email));
      CREATE TABLE auth_sessions (
        token_hash TEXT PRIMARY KEY,
        facilitator_id TEXT NOT NULL REFERENCES facilitators(id),
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX auth_sessions_by_expiry ON auth_sessions(expires_at);
      CREATE TABLE workshops (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        organisation TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT 'da',
        created_at BIGINT NOT NULL
      );
      CREATE TABLE workshop_facilitators (
        workshop_id TEXT NOT NULL REFERENCES workshops(id),
        facilitator_id TEXT NOT NULL REFERENCES facilitators(id),
        PRIMARY KEY (workshop_id, facilitator_id)
      );
      CREATE INDEX workshop_facilitators_by_facilitator ON workshop_facilitators(facilitator_id);
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id),
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        date TEXT,
        status TEXT NOT NULL DEFAULT 'planned',
        join_code TEXT UNIQUE,
        mode TEXT NOT NULL DEFAULT 'plenum',
        current_item_id TEXT,
        current_item_started_at BIGINT
      );
      CREATE INDEX sessions_by_workshop ON sessions(workshop_id, position);
      CREATE TABLE agenda_items (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id),
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        minutes INTEGER NOT NULL
      );
      CREATE INDEX agenda_by_session ON agenda_items(session_id, position);
      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id),
        name TEXT NOT NULL,
        department TEXT,
        role TEXT NOT NULL,
        joined_at BIGINT NOT NULL,
        revoked_at BIGINT
      );
      CREATE INDEX people_by_workshop ON people(workshop_id);
      CREATE TABLE groups (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id),
        position INTEGER NOT NULL,
        name TEXT NOT NULL
      );
      CREATE INDEX groups_by_session ON groups(session_id, position);
      CREATE TABLE group_members (
        group_id TEXT NOT NULL REFERENCES groups(id),
        person_id TEXT NOT NULL REFERENCES people(id),
        PRIMARY KEY (group_id, person_id)
      );
      CREATE INDEX group_members_by_person ON group_members(person_id);
      ALTER TABLE boards ADD COLUMN workshop_id TEXT REFERENCES workshops(id);
      ALTER TABLE boards ADD COLUMN session_id TEXT REFERENCES sessions(id);
      ALTER TABLE boards ADD COLUMN group_id TEXT REFERENCES groups(id);
      CREATE INDEX boards_by_session ON boards(session_id);
      CREATE INDEX boards_by_workshop ON boards(workshop_id, created_at);
      CREATE INDEX boards_by_group ON boards(group_id);
    `,
  },
  {
    version: 3,
    name: 'dot-vote rounds and ballots; control docs',
    sql: `
      CREATE TABLE vote_rounds (
        id TEXT PRIMARY KEY,
        board_id TEXT NOT NULL REFERENCES boards(id),
        budget INTEGER NOT NULL,
        max_per_note INTEGER NOT NULL,
        status TEXT NOT NULL,
        opened_at BIGINT NOT NULL,
        closed_at BIGINT
      );
      CREATE INDEX vote_rounds_by_board ON vote_rounds(board_id, status);
      CREATE TABLE votes (
        round_id TEXT NOT NULL REFERENCES vote_rounds(id),
        voter_id TEXT NOT NULL,
        note_id TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (round_id, voter_id, note_id)
      );
    `,
  },
  {
    version: 4,
    name: 'anonymous boards',
    sql: `ALTER TABLE boards ADD COLUMN anonymous BOOLEAN NOT NULL DEFAULT false;`,
  },
  {
    version: 5,
    name: 'questions and proposals to management, with supports',
    sql: `
      CREATE TABLE questions (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id),
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        anonymous BOOLEAN NOT NULL,
        author_key TEXT NOT NULL,
        author_name TEXT,
        created_at BIGINT NOT NULL,
        status TEXT NOT NULL,
        answer TEXT,
        answered_by TEXT,
        answered_at BIGINT,
        hidden_reason TEXT,
        hidden_at BIGINT
      );
      CREATE INDEX questions_by_workshop ON questions(workshop_id, created_at);
      CREATE TABLE question_supports (
        question_id TEXT NOT NULL REFERENCES questions(id),
        person_id TEXT NOT NULL,
        PRIMARY KEY (question_id, person_id)
      );
    `,
  },
  {
    version: 6,
    name: 'evaluations of the process and their responses',
    sql: `
      CREATE TABLE evaluations (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id),
        status TEXT NOT NULL,
        ratings TEXT NOT NULL,
        free_text TEXT,
        anonymous BOOLEAN NOT NULL,
        opened_at BIGINT NOT NULL,
        closed_at BIGINT
      );
      CREATE INDEX evaluations_by_workshop ON evaluations(workshop_id, opened_at);
      CREATE TABLE evaluation_responses (
        evaluation_id TEXT NOT NULL REFERENCES evaluations(id),
        respondent_key TEXT NOT NULL,
        respondent_name TEXT,
        ratings TEXT NOT NULL,
        text TEXT,
        answered_at BIGINT NOT NULL,
        PRIMARY KEY (evaluation_id, respondent_key)
      );
    `,
  },
  {
    version: 7,
    name: 'history of leadership decisions on catalog ideas',
    sql: `
      CREATE TABLE decision_history (
        seq BIGSERIAL PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id),
        idea_id TEXT NOT NULL,
        field TEXT NOT NULL,
        from_value TEXT,
        to_value TEXT,
        by_name TEXT NOT NULL,
        at BIGINT NOT NULL
      );
      CREATE INDEX decision_history_by_idea ON decision_history(workshop_id, idea_id, seq);
    `,
  },
  {
    version: 8,
    name: 'questions can be taken into the catalog',
    sql: `ALTER TABLE questions ADD COLUMN idea_id TEXT;`,
  },
  {
    version: 9,
    name: 'compaction leases with fencing tokens (several instances)',
    sql: `
      CREATE TABLE doc_compaction_leases (
        doc_id TEXT PRIMARY KEY REFERENCES docs(id),
        holder TEXT NOT NULL,
        token BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      );
    `,
  },
  {
    version: 10,
    name: 'invite links with records (revocable, single-use); browsers that joined; no codes on leadership sessions',
    sql: `
      CREATE TABLE invites (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id),
        role TEXT NOT NULL,
        single_use BOOLEAN NOT NULL DEFAULT FALSE,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        used_at BIGINT,
        revoked_at BIGINT
      );
      CREATE INDEX invites_by_workshop ON invites(workshop_id, created_at);
      ALTER TABLE people ADD COLUMN invite_id TEXT REFERENCES invites(id);
      CREATE TABLE person_browsers (
        workshop_id TEXT NOT NULL REFERENCES workshops(id),
        browser_key_hash TEXT NOT NULL,
        person_id TEXT NOT NULL REFERENCES people(id),
        PRIMARY KEY (workshop_id, browser_key_hash)
      );
      CREATE INDEX person_browsers_by_person ON person_browsers(person_id);
      UPDATE sessions SET join_code = NULL WHERE kind = 'leadership';
    `,
  },
  {
    version: 11,
    name: 'board history: restorable snapshots of each board',
    sql: `
      CREATE TABLE board_snapshots (
        id TEXT PRIMARY KEY,
        board_id TEXT NOT NULL REFERENCES boards(id),
        taken_at BIGINT NOT NULL,
        reason TEXT NOT NULL,
        note_count INTEGER NOT NULL,
        writer_count INTEGER NOT NULL,
        data BYTEA NOT NULL
      );
      CREATE INDEX board_snapshots_by_board ON board_snapshots(board_id, taken_at);
    `,
  },
  {
    version: 12,
    name: 'process plan: prompts, session start time and place, agenda text, saved templates, done marks',
    sql: `
      ALTER TABLE workshops ADD COLUMN prompts TEXT;
      ALTER TABLE sessions ADD COLUMN start_time TEXT;
      ALTER TABLE sessions ADD COLUMN place TEXT NOT NULL DEFAULT '';
      ALTER TABLE sessions ADD COLUMN tables_open BOOLEAN NOT NULL DEFAULT FALSE;
      ALTER TABLE agenda_items ADD COLUMN text TEXT NOT NULL DEFAULT '';
      CREATE TABLE workshop_templates (
        id TEXT PRIMARY KEY,
        facilitator_id TEXT NOT NULL REFERENCES facilitators(id),
        title TEXT NOT NULL,
        spec TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX workshop_templates_by_facilitator ON workshop_templates(facilitator_id, created_at);
      CREATE TABLE done_marks (
        session_id TEXT NOT NULL REFERENCES sessions(id),
        round TEXT NOT NULL,
        person_id TEXT NOT NULL REFERENCES people(id),
        group_id TEXT NOT NULL,
        at BIGINT NOT NULL,
        PRIMARY KEY (session_id, round, person_id)
      );
    `,
  },
  {
    version: 13,
    name: 'participant support for catalog ideas, one per person per idea',
    sql: `
      CREATE TABLE idea_supports (
        workshop_id TEXT NOT NULL REFERENCES workshops(id),
        idea_id TEXT NOT NULL,
        person_id TEXT NOT NULL REFERENCES people(id),
        created_at BIGINT NOT NULL,
        PRIMARY KEY (workshop_id, idea_id, person_id)
      );
      CREATE INDEX idea_supports_by_person ON idea_supports(workshop_id, person_id);
    `,
  },
  {
    version: 15,
    name: 'session report: when each agenda item actually ran',
    sql: `
      CREATE TABLE agenda_runs (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        started_at BIGINT NOT NULL,
        ended_at BIGINT,
        PRIMARY KEY (session_id, started_at, item_id)
      );
    `,
  },
  {
    version: 16,
    name: 'impact pulse: one answer per person and pulse, keyed without naming them',
    sql: `
      CREATE TABLE pulse_answers (
        pulse_id TEXT NOT NULL,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        respondent_key TEXT NOT NULL,
        respondent_name TEXT,
        answers TEXT NOT NULL,
        answered_at BIGINT NOT NULL,
        PRIMARY KEY (pulse_id, respondent_key)
      );
      CREATE INDEX pulse_answers_by_workshop ON pulse_answers(workshop_id);
    `,
  },
  {
    version: 17,
    name: 'retention date per workshop (personal data purged after it); archived workshops',
    sql: `
      ALTER TABLE workshops ADD COLUMN retain_until BIGINT;
      ALTER TABLE workshops ADD COLUMN archived_at BIGINT;
    `,
  },
  {
    version: 18,
    name: 'facilitator links: co-facilitator invites and password reset links (hashed, single use)',
    sql: `
      CREATE TABLE facilitator_links (
        token_hash TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        workshop_id TEXT REFERENCES workshops(id),
        facilitator_id TEXT REFERENCES facilitators(id),
        created_by TEXT NOT NULL REFERENCES facilitators(id),
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        used_at BIGINT
      );
      CREATE INDEX facilitator_links_by_workshop ON facilitator_links(workshop_id);
    `,
  },
  {
    version: 19,
    name: 'cluster settings: the signing key fingerprint every instance must share',
    sql: `
      CREATE TABLE cluster_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      );
    `,
  },
  {
    version: 20,
    name: "workshop calendar feed: the salt its subscription link's token is made from (no row, no feed)",
    sql: `
      CREATE TABLE calendar_feeds (
        workshop_id TEXT PRIMARY KEY REFERENCES workshops(id),
        salt TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
    `,
  },
  {
    version: 21,
    name: 'doc log positions: how many updates each doc has had stored, for instances to compare with',
    sql: `
      CREATE TABLE doc_log_positions (
        doc_id TEXT PRIMARY KEY REFERENCES docs(id),
        appended BIGINT NOT NULL
      );
    `,
  },
];

/**
 * Creates `schema` if given (the client's search_path must name it) and brings it up to date.
 * A session-level advisory lock, keyed by the schema, makes instances that start at the same
 * time take turns: the second one waits, then finds every migration applied. Returns the
 * versions this call applied.
 */
export async function migratePostgres(client: PoolClient, schema?: string): Promise<number[]> {
  const lockKey = "hashtextextended('samle.schema_migrations:' || COALESCE($1::text, current_schema()), 0)";
  await client.query(`SELECT pg_advisory_lock(${lockKey})`, [schema ?? null]);
  try {
    // Our caller checked the name: lower-case letters, digits and underscores only.
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    refuseNewerSchema(
      applied,
      postgresMigrations,
      `the PostgreSQL schema "${schema ?? (await currentSchema(client))}"`,
    );
    const ran: number[] = [];
    for (const migration of postgresMigrations) {
      if (applied.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          Date.now(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await rollbackAfter(client, error);
      }
      ran.push(migration.version);
    }
    return ran;
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${lockKey})`, [schema ?? null]);
  }
}

/** Rolls back after `error` and rethrows it; if the rollback fails too, both errors are thrown together. */
async function rollbackAfter(client: PoolClient, error: unknown): Promise<never> {
  try {
    await client.query('ROLLBACK');
  } catch (rollbackError) {
    throw new AggregateError([error, rollbackError], 'migration failed and so did its rollback');
  }
  throw error;
}

async function currentSchema(client: PoolClient): Promise<string> {
  const { rows } = await client.query<{ schema: string | null }>('SELECT current_schema() AS schema');
  return rows[0]?.schema ?? 'public';
}
