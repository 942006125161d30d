import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { loadConfig, type SamleConfig } from '../config.js';
import { SqliteDatabase } from '../storage/sqlite/sqliteDriver.js';
import { sqliteMigrations } from '../storage/sqlite/sqliteMigrations.js';
import { type CliCommand, CliFailure, type CliIo, ExitCode, parseOptions, UsageError } from './command.js';

const DB_FILE = 'samle.sqlite';
const KEY_FILE = 'signing.key';
const MANIFEST = 'backup.json';

/** What `backup` writes beside the copies, and `restore` checks before it touches anything. */
interface Manifest {
  format: 'samle-backup';
  version: 1;
  createdAt: string;
  /** Highest migration applied in the copy: a newer Samle migrates it at start, an older one must not open it. */
  schemaVersion: number;
  /** `file`: signing.key is in the backup; `SAMLE_SECRET`: tokens were signed with the environment's key. */
  signingKey: 'file' | 'SAMLE_SECRET';
  sha256: Record<string, string>;
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function postgresAdvice(config: SamleConfig, io: CliIo, restore: boolean): number {
  const schema = config.databaseSchema ? ` --schema=${config.databaseSchema}` : '';
  io.out(
    restore
      ? `Samle stores its data in PostgreSQL (DATABASE_URL). Restore a pg_dump archive with PostgreSQL's own tool, into an empty database, with Samle stopped:

  pg_restore --no-owner --dbname="$DATABASE_URL"${schema} samle.dump

Then start Samle with the SAMLE_SECRET it had when the dump was taken, or every access link stops working.
`
      : `Samle stores its data in PostgreSQL (DATABASE_URL). Back it up with PostgreSQL's own tool (consistent while Samle runs):

  pg_dump --format=custom --file=samle.dump${schema} "$DATABASE_URL"

Keep SAMLE_SECRET with the dump (in your secret store): without it every access link stops working after a restore.
`,
  );
  return ExitCode.elsewhere;
}

function emptyOrMissing(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

function schemaVersionOf(db: Database.Database): number {
  const row = db.prepare<[], { version: number | null }>('SELECT max(version) AS version FROM schema_migrations').get();
  return row?.version ?? 0;
}

function assertIntact(db: Database.Database, what: string): void {
  const result = db.pragma('integrity_check', { simple: true });
  if (result !== 'ok') throw new CliFailure(`${what} is damaged (SQLite integrity check: ${String(result)})`);
}

export const backup: CliCommand = {
  name: 'backup',
  summary: 'consistent copy of the database and signing key into a folder, safe while Samle runs',
  usage: `samle backup --to=FOLDER

Copies the SQLite database through SQLite's online-backup API (a consistent
state, safe while Samle runs and clients write) and the token signing key into
FOLDER, which must be new or empty, with backup.json (schema version,
checksums). Files are readable by their owner only: the key signs every access
link. With DATABASE_URL it prints the pg_dump command to run instead (exit 3).`,
  async run(args, io) {
    const values = parseOptions(args, { to: { type: 'string' } });
    if (!values.to) throw new UsageError('--to=FOLDER is required');
    const config = loadConfig(io.env, io.cwd);
    if (config.databaseUrl) return postgresAdvice(config, io, false);
    const source = path.join(config.dataDir, DB_FILE);
    if (!fs.existsSync(source)) throw new CliFailure(`there is no Samle database at ${source} (check SAMLE_DATA_DIR)`);
    const target = path.resolve(io.cwd, values.to);
    if (!emptyOrMissing(target)) throw new CliFailure(`${target} is not empty: back up into a new or empty folder`);
    fs.mkdirSync(target, { recursive: true, mode: 0o700 });

    const copy = path.join(target, DB_FILE);
    const db = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
    try {
      // After the first step, the rest in one step: a copy that a write in between cannot tear
      // (SQLite restarts a backup whose source changed under it).
      await db.backup(copy, { progress: () => 0x7fffffff });
    } finally {
      db.close();
    }
    fs.chmodSync(copy, 0o600);
    const check = new SqliteDatabase(copy);
    let schemaVersion: number;
    try {
      // One self-contained file (no -wal/-shm beside it); the server turns WAL on again at start.
      check.pragma('journal_mode = DELETE');
      assertIntact(check, 'the copy');
      schemaVersion = schemaVersionOf(check);
    } finally {
      check.close();
    }

    const sha: Record<string, string> = { [DB_FILE]: sha256(copy) };
    const keyFile = path.join(config.dataDir, KEY_FILE);
    if (!config.secret) {
      if (!fs.existsSync(keyFile)) throw new CliFailure(`there is no ${KEY_FILE} in ${config.dataDir}`);
      fs.copyFileSync(keyFile, path.join(target, KEY_FILE));
      fs.chmodSync(path.join(target, KEY_FILE), 0o600);
      sha[KEY_FILE] = sha256(path.join(target, KEY_FILE));
    } else {
      io.err('tokens are signed with SAMLE_SECRET: keep it with this backup, or access links stop working\n');
    }
    const manifest: Manifest = {
      format: 'samle-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      schemaVersion,
      signingKey: config.secret ? 'SAMLE_SECRET' : 'file',
      sha256: sha,
    };
    fs.writeFileSync(path.join(target, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    io.out(`${target}\n`);
    io.err(`backed up ${source} (schema ${schemaVersion}) to ${target}\n`);
    return ExitCode.ok;
  },
};

function readManifest(from: string): Manifest {
  const file = path.join(from, MANIFEST);
  if (!fs.existsSync(file)) throw new CliFailure(`${from} is not a Samle backup (no ${MANIFEST})`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  } catch (error) {
    throw new CliFailure(`${file} cannot be read: ${(error as Error).message}`);
  }
  if (manifest.format !== 'samle-backup' || manifest.version !== 1 || typeof manifest.sha256 !== 'object') {
    throw new CliFailure(`${file} is not a backup this version of Samle can restore`);
  }
  for (const [name, expected] of Object.entries(manifest.sha256)) {
    const copy = path.join(from, path.basename(name));
    if (!fs.existsSync(copy) || sha256(copy) !== expected) {
      throw new CliFailure(`${copy} is missing or does not match its checksum in ${MANIFEST}: the backup is damaged`);
    }
  }
  if (!manifest.sha256[DB_FILE]) throw new CliFailure(`the backup in ${from} holds no database`);
  return manifest;
}

export const restore: CliCommand = {
  name: 'restore',
  summary: 'put a backup into an empty data folder (Samle stopped)',
  usage: `samle restore --from=FOLDER

Checks a folder made by \`samle backup\` (checksums, SQLite integrity) and puts
its database and signing key into SAMLE_DATA_DIR, which must hold no database
(restore into a new folder, or move the old one away first). Start Samle
afterwards: a newer version migrates the data at start. Access links made
before the backup keep working. With DATABASE_URL it prints the pg_restore
command instead (exit 3).`,
  async run(args, io) {
    const values = parseOptions(args, { from: { type: 'string' } });
    if (!values.from) throw new UsageError('--from=FOLDER is required');
    const config = loadConfig(io.env, io.cwd);
    if (config.databaseUrl) return postgresAdvice(config, io, true);
    const from = path.resolve(io.cwd, values.from);
    const manifest = readManifest(from);
    // An older Samle would run on tables it does not know (and the next upgrade would skip what it missed).
    const known = Math.max(...sqliteMigrations.map((migration) => migration.version));
    if (manifest.schemaVersion > known) {
      throw new CliFailure(
        `the backup comes from a newer Samle (schema ${manifest.schemaVersion}; this version knows up to ${known}): restore it with that version or a newer one`,
      );
    }
    const target = path.join(config.dataDir, DB_FILE);
    for (const existing of [target, `${target}-wal`]) {
      if (fs.existsSync(existing)) {
        throw new CliFailure(`${existing} exists: restore into an empty data folder, or move the old one away first`);
      }
    }
    const check = new SqliteDatabase(path.join(from, DB_FILE), { readonly: true });
    try {
      assertIntact(check, 'the backup');
    } finally {
      check.close();
    }
    if (manifest.signingKey === 'file' && fs.existsSync(path.join(config.dataDir, KEY_FILE)) && !config.secret) {
      throw new CliFailure(`${path.join(config.dataDir, KEY_FILE)} exists: restore into an empty data folder`);
    }

    fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    // Copy, then rename: a restore cut short never leaves a half-written database under the real name.
    const partial = `${target}.restoring`;
    fs.copyFileSync(path.join(from, DB_FILE), partial);
    fs.chmodSync(partial, 0o600);
    if (manifest.signingKey === 'file') {
      fs.copyFileSync(path.join(from, KEY_FILE), path.join(config.dataDir, KEY_FILE));
      fs.chmodSync(path.join(config.dataDir, KEY_FILE), 0o600);
    } else if (!config.secret) {
      io.err('the backup was made with SAMLE_SECRET: start Samle with the same SAMLE_SECRET\n');
    }
    fs.renameSync(partial, target);
    io.err(`restored the backup of ${manifest.createdAt} (schema ${manifest.schemaVersion}) into ${config.dataDir}\n`);
    return ExitCode.ok;
  },
};
