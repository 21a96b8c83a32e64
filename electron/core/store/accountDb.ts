import { dirname, join } from 'node:path';
import { FollowerIndex } from './followerIndex';
import { FollowerRepo } from './followerRepo';
import { FollowerStates } from './followerStates';
import { GroupRepo } from './groupRepo';
import { openDatabase, type Recovery } from './openDatabase';
import { SyncStateRepo } from './syncStateRepo';
import { createTransact } from './transaction';
import { NoteBackup } from './noteBackup';
import { cacheRecoverySchema, type CacheRecovery } from '#contract/dataChannels';
import { RECOVERY_KEY, salvage } from './salvage';
import { attachConnection } from './connection';

/** One account's offline cache: groups, followers and sync state in a SQLite file of its own. */
export interface AccountDb {
  readonly file: string;
  /** The clock its rows are stamped with (first and last seen). */
  readonly now: () => number;
  readonly groups: GroupRepo;
  readonly followers: FollowerRepo;
  /** Followers' memberships, as the jobs read them. */
  readonly followerStates: FollowerStates;
  readonly syncState: SyncStateRepo;
  /** Every local note, also kept apart from the cache (see noteBackup.ts). */
  readonly notes: NoteBackup;
  /**
   * Runs `fn` (synchronous) in one transaction; repository calls inside join it, and all of it
   * rolls back if `fn` throws.
   */
  transaction<T>(fn: () => T): T;
  /** What a damaged cache's replacement got back, until the owner has seen it (else null). */
  recovery(): CacheRecovery | null;
  dismissRecovery(): void;
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
  const notes = new NoteBackup(join(dirname(file), 'notes.sqlite'));
  const groups = new GroupRepo(sql, transaction, now, index);
  const followers = new FollowerRepo(sql, transaction, now, index, groups, () => syncState.lastSyncedAt());
  const db: AccountDb = {
    file,
    now,
    groups,
    followers,
    followerStates: new FollowerStates(sql),
    syncState,
    notes,
    transaction,
    recovery: () => syncState.get(RECOVERY_KEY, cacheRecoverySchema) ?? null,
    dismissRecovery: () => syncState.delete(RECOVERY_KEY),
    persist() {
      // PASSIVE: never waits on the sync's writer; what a reader still needs is copied next time.
      if (!sql.isTransaction) sql.exec('PRAGMA wal_checkpoint(PASSIVE)');
    },
    close() {
      notes.close();
      if (!sql.isOpen) return;
      try {
        sql.exec('PRAGMA optimize');
      } finally {
        sql.close();
      }
    },
  };
  // The connection stays inside store/ (see connection.ts): the interface above has no SQL.
  attachConnection(db, sql);
  if (recovered) {
    try {
      salvage(recovered.movedTo, db, notes, recovered.reason);
    } catch {
      // Whatever went wrong reading the wreck, the fresh cache opens; the owner hears that
      // nothing could be put back.
      syncState.set(RECOVERY_KEY, {
        reason: recovered.reason,
        at: now(),
        notes: 0,
        jobs: 0,
        complete: false,
      });
    }
  } else if (notes.isEmpty()) {
    // A cache from before the note backup existed: copy its notes once (a no-op when it has none).
    notes.putMany(db.followers.notes(), now());
  }
  return { db, recovered };
}
