import fs from 'node:fs';

/**
 * The data folder holds every note, name and the token-signing key, so only the
 * account that runs Samle may read it: the folder 0700, its files 0600.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the data folder owner-only, and narrows an existing one that this account owns. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const stat = fs.statSync(dir);
  // A folder someone else owns (e.g. a mounted volume prepared by root) is the operator's to set.
  if (stat.uid === process.getuid?.() && (stat.mode & 0o077) !== 0) fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Makes `file` exist with mode 0600 before SQLite opens it: SQLite gives the
 * `-wal` and `-shm` files it creates the database file's mode. Files from an
 * older install (created with the umask's 0644) are narrowed too.
 */
export function ensurePrivateFiles(file: string, companions: readonly string[]): void {
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  for (const path of [file, ...companions]) {
    if (fs.existsSync(path)) fs.chmodSync(path, PRIVATE_FILE_MODE);
  }
}
