import type { DatabaseSync } from 'node:sqlite';
import { migration1 } from './migration1';
import { migration2 } from './migration2';
import { migration3 } from './migration3';
import { migration4 } from './migration4';
import { num } from './sqlValues';

/**
 * Numbered schema migrations; the database's version lives in PRAGMA user_version. To add one,
 * write migrationN.ts and append it here: each runs once, in its own transaction, in order.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: DatabaseSync, now: number) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: migration1 },
  { version: 2, name: 'jobs', up: migration2 },
  { version: 3, name: 'open pause reasons', up: migration3 },
  { version: 4, name: 'job leftovers', up: migration4 },
];

/** The newest schema this code knows; a file with a higher user_version came from a newer app. */
export const SCHEMA_VERSION = MIGRATIONS.length;

export function readSchemaVersion(db: DatabaseSync): number {
  return num(db.prepare('PRAGMA user_version').get()?.user_version);
}

/** Brings the database up to the last of `migrations`; returns the version it started from. */
export function migrate(
  db: DatabaseSync,
  now: number,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  const from = readSchemaVersion(db);
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      migration.up(db, now);
      // user_version lives in the file header, which is part of the transaction.
      db.exec(`PRAGMA user_version = ${migration.version}`);
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
  return from;
}
