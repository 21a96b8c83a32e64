import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate, readSchemaVersion, SCHEMA_VERSION } from './migrations';
import { ensurePrivateDir, ensurePrivateFile } from './privateFiles';

export type RecoveryReason = 'corrupt' | 'newer-version';

/** Set when the file could not be used: it was moved aside and a fresh, empty cache created. */
export interface Recovery {
  reason: RecoveryReason;
  /** Where the unusable file went (its -wal/-shm, if any, sit next to it with the same suffixes). */
  movedTo: string;
}

export interface OpenedDatabase {
  db: DatabaseSync;
  recovered: Recovery | null;
}

class UnusableDatabase extends Error {
  constructor(
    readonly reason: RecoveryReason,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/**
 * Opens (creating if needed) an account's cache database, migrated to SCHEMA_VERSION. A file that
 * is not a database, fails PRAGMA quick_check, or carries a schema from a newer app never throws:
 * the cache can always be rebuilt from WeChat, so the file is moved aside and replaced.
 * Other failures (permissions, a locked file, a bug in a migration) do throw.
 */
export function openDatabase(file: string, now: () => number): OpenedDatabase {
  ensurePrivateDir(dirname(file));
  ensurePrivateFile(file, SIBLINGS);
  // SQLite rewrites or deletes a -wal/-shm it cannot use: keep copies so an unusable file can be
  // moved aside whole. (They exist only after a crash; a clean close removes them.)
  const kept = keepSiblings(file);
  try {
    const db = openChecked(file, now);
    for (const copy of kept.values()) rmSync(copy, { force: true });
    return { db, recovered: null };
  } catch (error) {
    const reason = unusableReason(error);
    if (!reason) {
      for (const copy of kept.values()) rmSync(copy, { force: true });
      throw error;
    }
    const movedTo = moveAside(file, reason === 'corrupt' ? 'corrupt' : 'newer', now(), kept);
    ensurePrivateFile(file);
    return { db: openChecked(file, now), recovered: { reason, movedTo } };
  }
}

const SIBLINGS = ['-wal', '-shm', '-journal'];

/** Suffix → a copy of that sibling file, for the siblings that exist. */
function keepSiblings(file: string): Map<string, string> {
  const kept = new Map<string, string>();
  for (const suffix of SIBLINGS) {
    const sibling = file + suffix;
    if (!existsSync(sibling)) continue;
    const copy = `${sibling}.kept-${process.pid}`;
    copyFileSync(sibling, copy);
    kept.set(suffix, copy);
  }
  return kept;
}

/** Per-connection settings: every connection to an account's cache (the sync's writer too). */
export const CONNECTION_PRAGMAS = `
  PRAGMA synchronous = NORMAL;
  PRAGMA foreign_keys = ON;
  PRAGMA busy_timeout = 5000;
  PRAGMA temp_store = MEMORY;
  PRAGMA cache_size = -16384;
`;

function openChecked(file: string, now: () => number): DatabaseSync {
  const db = new DatabaseSync(file);
  try {
    // Reading the header first: a non-database fails here (SQLITE_NOTADB) before anything is written.
    const version = readSchemaVersion(db);
    if (version > SCHEMA_VERSION) {
      throw new UnusableDatabase('newer-version', `schema ${version} > ${SCHEMA_VERSION}`);
    }
    // ~90 ms at 100 000 followers; catches garbled pages that opening alone does not touch.
    const check = db.prepare('PRAGMA quick_check(1)').get()?.quick_check;
    if (check !== 'ok') throw new UnusableDatabase('corrupt', String(check));
    db.exec(`PRAGMA journal_mode = WAL; ${CONNECTION_PRAGMAS}`);
    migrate(db, now());
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

// SQLITE_CORRUPT and SQLITE_NOTADB (primary codes; extended codes keep them in the low byte).
const CORRUPT_CODES = new Set([11, 26]);

function unusableReason(error: unknown): RecoveryReason | null {
  if (error instanceof UnusableDatabase) return error.reason;
  if (typeof error === 'object' && error !== null && 'errcode' in error) {
    const code = (error as { errcode: unknown }).errcode;
    if (typeof code === 'number' && CORRUPT_CODES.has(code & 0xff)) return 'corrupt';
  }
  return null;
}

/** Renames the file and its WAL/SHM/journal siblings to `<file>.<tag>-<time>`; returns the new name. */
function moveAside(file: string, tag: string, time: number, kept: Map<string, string>): string {
  let target = `${file}.${tag}-${time}`;
  for (let n = 1; existsSync(target); n++) target = `${file}.${tag}-${time}-${n}`;
  // Siblings first: a crash half-way must never leave an old WAL next to the fresh database.
  for (const suffix of SIBLINGS) {
    const copy = kept.get(suffix);
    if (copy) {
      renameSync(copy, target + suffix);
      rmSync(file + suffix, { force: true });
    } else if (existsSync(file + suffix)) {
      renameSync(file + suffix, target + suffix);
    }
  }
  if (existsSync(file)) renameSync(file, target);
  return target;
}
