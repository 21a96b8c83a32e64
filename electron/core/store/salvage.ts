import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { DatabaseSync, type SQLInputValue, type SQLOutputValue } from 'node:sqlite';
import type { CacheRecovery } from '#contract/dataChannels';
import type { AccountDb } from './accountDb';
import type { NoteBackup } from './noteBackup';
import { str } from './sqlValues';
import { connectionOf } from './connection';

/** Where the recovery report lives in the fresh cache (sync_state). */
export const RECOVERY_KEY = 'cache.recovery';

type Row = Record<string, SQLInputValue & SQLOutputValue>;

/**
 * Rows of `sql` from a damaged database, as many as can be read before a damaged page stops the
 * read; `complete` is false when one did.
 */
function readRows(
  db: DatabaseSync,
  sql: string,
  ...params: SQLInputValue[]
): { rows: Row[]; complete: boolean } {
  const rows: Row[] = [];
  try {
    for (const row of db.prepare(sql).iterate(...params)) rows.push(row as Row);
    return { rows, complete: true };
  } catch {
    return { rows, complete: false };
  }
}

/**
 * After `damagedFile` was moved aside and `fresh` created in its place: puts back the local notes
 * (the note backup first, then any the damaged file still holds that the backup does not) and the
 * job history with its items and before-states, so undo still works. A job that was not finished
 * comes back paused by the owner: they decide whether it carries on. Never throws for what it
 * cannot read; says so in `complete`.
 */
export function salvage(
  damagedFile: string,
  fresh: AccountDb,
  backup: NoteBackup,
  reason: CacheRecovery['reason'],
): CacheRecovery {
  const now = fresh.now();
  let complete = true;
  // Read from a copy (with its WAL): SQLite would rewrite the moved-aside file's -shm, and that
  // file is kept untouched for support.
  const copy = `${damagedFile}.salvage-${process.pid}`;
  let damaged: DatabaseSync | null = null;
  try {
    copyFileSync(damagedFile, copy);
    if (existsSync(`${damagedFile}-wal`)) copyFileSync(`${damagedFile}-wal`, `${copy}-wal`);
    damaged = new DatabaseSync(copy);
    damaged.prepare('SELECT count(*) AS n FROM sqlite_master').get();
  } catch {
    damaged?.close();
    damaged = null;
    complete = false;
  }

  const notes = new Map<string, string>();
  if (damaged) {
    const read = readRows(damaged, "SELECT openid, note FROM followers WHERE note <> ''");
    complete &&= read.complete;
    for (const r of read.rows) notes.set(str(r.openid), str(r.note));
  }
  // The backup is written with every note: where both have one, it is the newer.
  for (const [openid, note] of backup.all()) notes.set(openid, note);
  backup.putMany(notes, now);

  let jobs = 0;
  fresh.transaction(() => {
    // The followers come back with the next full sync; until then their rows carry the notes.
    fresh.followers.upsertMany([...notes.keys()].map((openid) => ({ openid, subscribed: true })));
    for (const [openid, note] of notes) fresh.followers.setNote(openid, note);
    if (damaged) {
      const result = copyJobs(damaged, fresh);
      jobs = result.jobs;
      complete &&= result.complete;
    }
  });
  damaged?.close();
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(copy + suffix, { force: true });
  const report: CacheRecovery = { reason, at: now, notes: notes.size, jobs, complete };
  fresh.syncState.set(RECOVERY_KEY, report);
  return report;
}

/** Copies every job whose items can all be read, by the columns both schemas share. */
function copyJobs(damaged: DatabaseSync, fresh: AccountDb): { jobs: number; complete: boolean } {
  const jobRows = readRows(damaged, 'SELECT * FROM jobs');
  let complete = jobRows.complete;
  const jobColumns = columnsOf(fresh, 'jobs');
  const itemColumns = columnsOf(fresh, 'job_items');
  let jobs = 0;
  for (const job of jobRows.rows) {
    const items = readRows(damaged, 'SELECT * FROM job_items WHERE job_id = ?', job['id'] ?? null);
    if (!items.complete) {
      complete = false;
      continue;
    }
    const status = str(job['status']);
    if (status === 'queued' || status === 'running' || status === 'paused') {
      job['status'] = 'paused';
      job['pause_reason'] = 'user';
      job['resume_at'] = null;
    }
    try {
      // A savepoint: a job that cannot be copied whole is left out whole.
      fresh.transaction(() => {
        insert(fresh, 'jobs', jobColumns, job);
        for (const item of items.rows) insert(fresh, 'job_items', itemColumns, item);
      });
      jobs++;
    } catch {
      // A row the fresh schema refuses (a garbled value): this job stays behind.
      complete = false;
    }
  }
  return { jobs, complete };
}

function columnsOf(db: AccountDb, table: string): string[] {
  return connectionOf(db)
    .prepare('SELECT name FROM pragma_table_info(?)')
    .all(table)
    .map((r) => str(r.name));
}

function insert(db: AccountDb, table: string, columns: readonly string[], row: Row): void {
  const present = columns.filter((c) => c in row);
  const sql = `INSERT INTO ${table} (${present.join(', ')}) VALUES (${present.map(() => '?').join(', ')})`;
  connectionOf(db)
    .prepare(sql)
    .run(...present.map((c) => row[c] ?? null));
}
