import type { DatabaseSync } from 'node:sqlite';
import { FollowerIndex } from './followerIndex';
import { FollowerRepo } from './followerRepo';
import { GroupRepo } from './groupRepo';
import { openDatabase, type Recovery } from './openDatabase';
import { SyncStateRepo } from './syncStateRepo';
import { createTransact } from './transaction';

/** One account's offline cache: groups, followers and sync state in a SQLite file of its own. */
export interface AccountDb {
  readonly file: string;
  /** The clock its rows are stamped with (first and last seen). */
  readonly now: () => number;
  readonly groups: GroupRepo;
  readonly followers: FollowerRepo;
  readonly syncState: SyncStateRepo;
  /**
   * Runs `fn` (synchronous) in one transaction; repository calls inside join it, and all of it
   * rolls back if `fn` throws.
   */
  transaction<T>(fn: () => T): T;
  /**
   * The connection, for tables later migrations add (jobs). Writes to followers or
   * follower_groups must go through `followers` (or be followed by `followers.invalidate`).
   */
  readonly sql: DatabaseSync;
  /**
   * Makes every commit so far survive a power loss, even one that loses the WAL: its pages are
   * copied into the database file and both are flushed (synchronous = NORMAL defers that).
   * For records that must exist before WeChat is changed: a job and its items, each chunk's outcome.
   */
  persist(): void;
  close(): void;
}

export interface OpenAccountDbOptions {
  /** Clock in ms (first/last seen, group updates, moved-aside file names). */
  now?: () => number;
}

export interface OpenedAccountDb {
  db: AccountDb;
  /** Non-null when the old file was unusable and a fresh cache was created: a full sync is needed. */
  recovered: Recovery | null;
}

/**
 * Opens the cache at `file` (e.g. `<dataDir>/accounts/<id>/cache.sqlite`; folders are created).
 * Never throws for a corrupt file or one from a newer app version: see openDatabase.
 */
export function openAccountDb(file: string, options: OpenAccountDbOptions = {}): OpenedAccountDb {
  const now = options.now ?? Date.now;
  const { db: sql, recovered } = openDatabase(file, now);
  const index = new FollowerIndex(sql);
  // A rollback may undo rows the index already read inside the transaction: reload it.
  const transaction = createTransact(sql, () => index.invalidate());
  const syncState = new SyncStateRepo(sql, transaction);
  const groups = new GroupRepo(sql, transaction, now, index);
  const followers = new FollowerRepo(sql, transaction, now, index, groups, () => syncState.lastSyncedAt());
  const db: AccountDb = {
    file,
    now,
    groups,
    followers,
    syncState,
    transaction,
    sql,
    persist() {
      // PASSIVE: never waits on the sync's writer; what a reader still needs is copied next time.
      if (!sql.isTransaction) sql.exec('PRAGMA wal_checkpoint(PASSIVE)');
    },
    close() {
      if (!sql.isOpen) return;
      try {
        sql.exec('PRAGMA optimize');
      } finally {
        sql.close();
      }
    },
  };
  return { db, recovered };
}
