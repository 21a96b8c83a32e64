import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * An account's cache holds its followers' remarks and the owner's notes: on macOS and Linux its
 * folder is the owner's alone (0700) and its files too (0600), whatever the umask. (Windows
 * has no such modes; the data folder under the user's profile is private already.)
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const posix = process.platform !== 'win32';

/** Creates the folder (and missing parents) 0700, or tightens an existing one. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (posix) chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Creates the database file 0600 before SQLite opens it (SQLite gives its -wal and -shm the
 * database file's permissions), or tightens an existing one and its siblings.
 */
export function ensurePrivateFile(file: string, siblings: readonly string[] = []): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  if (!posix) return;
  for (const path of [file, ...siblings.map((s) => file + s)]) {
    if (existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
  }
}
