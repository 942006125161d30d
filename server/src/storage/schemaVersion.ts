/**
 * The process exit code of a server that refuses to start because its database was
 * migrated by a newer Samle (documented in docs/operations.md; systemd's
 * `RestartPreventExitStatus=` can name it so the unit does not restart in a loop).
 */
export const DATABASE_TOO_NEW_EXIT_CODE = 4;

/**
 * The database holds migrations this build does not know: a newer Samle migrated it.
 * Opening it anyway would write to tables whose meaning this build cannot know, so
 * storage refuses before it migrates or reads anything.
 */
export class DatabaseTooNewError extends Error {
  readonly code = 'DATABASE_TOO_NEW';

  constructor(
    /** The highest migration the database holds. */
    readonly databaseVersion: number,
    /** The highest migration this build knows. */
    readonly knownVersion: number,
    /** Which database, for the message ("the SQLite file /var/lib/samle/samle.sqlite"). */
    where: string,
  ) {
    super(
      `${where} has schema version ${databaseVersion}, but this version of Samle knows schema versions up to ${knownVersion}: ` +
        'a newer Samle has migrated it. Run that newer version (or a later one) again, ' +
        'or, to go back to this version, restore a backup taken before the upgrade (see "Rolling back" in docs/deployment.md). ' +
        'Nothing was changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

/** Throws DatabaseTooNewError when `applied` holds a migration version that `known` lacks. */
export function refuseNewerSchema(
  applied: Iterable<number>,
  known: ReadonlyArray<{ version: number }>,
  where: string,
): void {
  const knownVersions = new Set(known.map((migration) => migration.version));
  const unknown = [...applied].filter((version) => !knownVersions.has(version));
  if (unknown.length === 0) return;
  throw new DatabaseTooNewError(Math.max(...unknown), Math.max(0, ...knownVersions), where);
}
