import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type SamleConfig } from '../config.js';
import { exportWorkshop } from '../privacy/exportWorkshop.js';
import { purgeExpired, purgeWorkshop, workshopsDueBy } from '../privacy/purge.js';
import { openSqlSession, type SqlSession, targetOf } from '../privacy/sqlSession.js';
import { type CliCommand, CliFailure, ExitCode, parseOptions, UsageError } from './command.js';
import { openStorage } from './storage.js';

/** Ids are 14 letters and digits (server/src/ids.ts); anything else is a typo, not a workshop. */
const WORKSHOP_ID = /^[0-9A-Za-z]{1,64}$/;

function workshopIdFrom(value: string | undefined): string {
  if (!value) throw new UsageError('--workshop=ID is required');
  if (!WORKSHOP_ID.test(value)) throw new UsageError(`invalid workshop id "${value}" (letters and digits)`);
  return value;
}

/** The database, brought up to date by the server's own migrations first, then opened for plain SQL. */
async function openSession(config: SamleConfig): Promise<SqlSession> {
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'samle.sqlite'))) {
    throw new CliFailure(`there is no Samle database in ${config.dataDir} (check SAMLE_DATA_DIR)`);
  }
  await (await openStorage(config)).close();
  return openSqlSession(targetOf(config));
}

export const exportWorkshopCommand: CliCommand = {
  name: 'export-workshop',
  summary: "one zip with all of a workshop's records and documents",
  usage: `samle export-workshop --workshop=ID --to=FILE.zip

Writes every record of the workshop (from every table: sessions, agenda, people,
tables, boards, votes, questions, evaluations, decisions, invites, history) as
workshop.json and each of its synced documents (boards, drafts, reflections,
questions, catalog, ideas) as docs/<id>.yjs plus readable docs/<id>.json, read
in one transaction. FILE must not exist; it is readable by its owner only: it
holds personal data. Works on SQLite and PostgreSQL.`,
  async run(args, io) {
    const values = parseOptions(args, { workshop: { type: 'string' }, to: { type: 'string' } });
    const workshopId = workshopIdFrom(values.workshop);
    if (!values.to) throw new UsageError('--to=FILE.zip is required');
    const target = path.resolve(io.cwd, values.to);
    if (fs.existsSync(target)) throw new CliFailure(`${target} exists already; choose a new file`);
    const session = await openSession(loadConfig(io.env, io.cwd));
    try {
      const archive = await exportWorkshop(session, workshopId);
      fs.writeFileSync(target, archive.bytes, { mode: 0o600, flag: 'wx' });
      const rows = Object.values(archive.tables).reduce((sum, n) => sum + n, 0);
      io.err(
        `exported workshop ${workshopId}: ${rows} records from ${Object.keys(archive.tables).length} tables and ${archive.docs} documents to ${target}\n`,
      );
      return ExitCode.ok;
    } finally {
      await session.close();
    }
  },
};

export const purgeCommand: CliCommand = {
  name: 'purge',
  summary: 'delete a workshop and all its personal data, or every workshop past its retention date',
  usage: `samle purge --workshop=ID --yes
samle purge --expired [--dry-run]

--workshop=ID --yes deletes that workshop now: every row that belongs to it in
every table and every synced document of it, in one transaction. There is no
undo; take \`samle export-workshop\` (or a backup) first if anything may be needed.
--expired purges every workshop whose retention date has passed (what the
server's daily job does); with --dry-run it only lists them. Prints one line per
workshop. Purge a workshop while nobody is connected to it: a board that is open
in a browser at that moment keeps showing until its tab is closed.`,
  async run(args, io) {
    const values = parseOptions(args, {
      workshop: { type: 'string' },
      yes: { type: 'boolean' },
      expired: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
    });
    if (Boolean(values.expired) === (values.workshop !== undefined)) {
      throw new UsageError('give either --workshop=ID --yes or --expired');
    }
    const workshopId = values.workshop === undefined ? null : workshopIdFrom(values.workshop);
    if (workshopId && !values.yes) throw new UsageError('--yes is required: purging cannot be undone');
    if (workshopId && values['dry-run']) throw new UsageError('--dry-run goes with --expired');
    const session = await openSession(loadConfig(io.env, io.cwd));
    try {
      if (workshopId) {
        const report = await purgeWorkshop(session, workshopId);
        const rows = Object.values(report.deleted).reduce((sum, n) => sum + n, 0);
        io.out(`purged ${workshopId}: ${rows} rows, ${report.docIds.length} documents\n`);
        return ExitCode.ok;
      }
      const now = Date.now();
      if (values['dry-run']) {
        for (const due of await workshopsDueBy(session, now)) {
          io.out(`due ${due.id} ${new Date(due.retainUntil).toISOString()} ${due.title}\n`);
        }
        return ExitCode.ok;
      }
      const { purged, failed } = await purgeExpired(session, now);
      for (const report of purged) io.out(`purged ${report.workshopId}: ${report.docIds.length} documents\n`);
      for (const failure of failed) io.err(`could not purge ${failure.id}: ${failure.error.message}\n`);
      if (purged.length === 0 && failed.length === 0) io.err('no workshop is past its retention date\n');
      return failed.length > 0 ? ExitCode.failed : ExitCode.ok;
    } finally {
      await session.close();
    }
  },
};
