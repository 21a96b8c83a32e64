import type { StatementSync } from 'node:sqlite';
import { groupApiSchema, type GroupApi } from '#contract/accounts';
import { errorCodeSchema } from '#contract/errors';
import {
  jobKindSchema,
  jobParamsSchema,
  jobPauseReasonSchema,
  jobStatusSchema,
  type JobFailure,
  type JobKind,
  type JobParams,
  type JobPauseReason,
  type JobStatus,
} from '#contract/jobs';
import { appErrorDataSchema, type AppErrorData } from '#contract/result';
import type { AccountDb } from './accountDb';
import { connectionOf } from './connection';
import { num, numOrNull, str, strOrNull, type SqlRow } from './sqlValues';
import type { ItemFailure } from '../jobs/chunkRunner';
import { transition, type JobEvent } from '../jobs/jobLifecycle';
import { beforeStateSchema, itemOpSchema, mergeOps, type BeforeState, type ItemOp } from '../jobs/itemOp';

/** A job row as stored. */
export interface JobRecord {
  id: string;
  kind: JobKind;
  api: GroupApi;
  status: JobStatus;
  pauseReason: JobPauseReason | null;
  resumeAt: number | null;
  params: JobParams;
  total: number;
  succeeded: number;
  failed: number;
  skipped: number;
  /** Items that did not finish but got part of their op (see job_items.applied). */
  partial: number;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  undoOf: string | null;
  undoneBy: string | null;
  lastError: AppErrorData | null;
}

export interface NewJob {
  id: string;
  kind: JobKind;
  api: GroupApi;
  params: JobParams;
  createdAt: number;
  undoOf: string | null;
}

export interface NewItem {
  openid: string;
  /** Already as the job would leave them: recorded as skipped, never sent. */
  skipped: boolean;
  /** Null: the job's own op. */
  op: ItemOp | null;
  before: BeforeState | null;
}

/** A pending item as the runner takes it: `opKey` is the stored op JSON (null: the job's op). */
export interface PendingItem {
  seq: number;
  openid: string;
  opKey: string | null;
}

/** An item whose op (or part of it) WeChat applied: what undo reverses. */
export interface DoneItem {
  openid: string;
  /** What was applied: the item's op, or null for the job's op (null only when state is done). */
  op: ItemOp | null;
  before: BeforeState | null;
}

/**
 * Item reads by state name the index: without statistics SQLite would walk the primary key in seq
 * order instead, through every done item, to find the first pending ones (measured: 4× slower
 * per chunk at 10 000 items). The index's rows carry seq, so they come out in seq order.
 */
const BY_STATE = 'INDEXED BY job_items_by_state';

/** History kept in jobs:list (older jobs stay in the file but are not listed). */
const LIST_LIMIT = 200;

/** The jobs and job_items tables of one account's database (schema: store/migration2.ts). */
export class JobStore {
  private readonly getStmt: StatementSync;
  private readonly listStmt: StatementSync;
  private readonly byStatusStmt: StatementSync;
  private readonly insertJobStmt: StatementSync;
  private readonly insertItemStmt: StatementSync;
  private readonly pendingStmt: StatementSync;
  private readonly hasPendingStmt: StatementSync;
  private readonly markStmt: StatementSync;
  private readonly markDoneStmt: StatementSync;
  private readonly countsStmt: StatementSync;
  private readonly skipPendingStmt: StatementSync;
  private readonly doneItemsStmt: StatementSync;
  private readonly failuresStmt: StatementSync;
  private readonly failedCountStmt: StatementSync;
  private readonly setCountsStmt: StatementSync;
  private readonly appliedStmt: StatementSync;
  private readonly setAppliedStmt: StatementSync;
  private readonly partialStmt: StatementSync;
  private readonly failedItemsStmt: StatementSync;
  private readonly setStateStmt: StatementSync;
  private readonly undoneByStmt: StatementSync;

  constructor(
    private readonly db: AccountDb,
    /** Told of every lifecycle move this store writes (events out, automatic resumption). */
    private readonly onApplied: (job: JobRecord, event: JobEvent) => void = () => undefined,
  ) {
    const sql = connectionOf(db);
    this.getStmt = sql.prepare('SELECT * FROM jobs WHERE id = ?');
    this.listStmt = sql.prepare('SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT ?');
    this.byStatusStmt = sql.prepare(
      'SELECT * FROM jobs WHERE status IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid',
    );
    this.insertJobStmt = sql.prepare(
      `INSERT INTO jobs (id, kind, api, status, params, total, skipped, created_at, undo_of)
       VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?)`,
    );
    this.insertItemStmt = sql.prepare(
      'INSERT INTO job_items (job_id, seq, openid, state, op, before) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.pendingStmt = sql.prepare(
      `SELECT seq, openid, op FROM job_items ${BY_STATE} WHERE job_id = ? AND state = 'pending'
       AND seq NOT IN (SELECT value FROM json_each(?)) ORDER BY seq LIMIT ?`,
    );
    this.hasPendingStmt = sql.prepare(
      `SELECT 1 AS one FROM job_items ${BY_STATE} WHERE job_id = ? AND state = 'pending' LIMIT 1`,
    );
    // The state guard makes recording idempotent: an item is counted done (or failed) once.
    this.markDoneStmt = sql.prepare(
      `UPDATE job_items SET state = 'done' WHERE job_id = ? AND state = 'pending'
       AND seq IN (SELECT value FROM json_each(?))`,
    );
    this.markStmt = sql.prepare(
      "UPDATE job_items SET state = ?, code = ?, errcode = ? WHERE job_id = ? AND seq = ? AND state = 'pending'",
    );
    this.countsStmt = sql.prepare(
      'UPDATE jobs SET succeeded = succeeded + ?, failed = failed + ?, skipped = skipped + ? WHERE id = ?',
    );
    this.skipPendingStmt = sql.prepare(
      `UPDATE job_items ${BY_STATE} SET state = 'skipped' WHERE job_id = ? AND state = 'pending'
       AND seq NOT IN (SELECT value FROM json_each(?))`,
    );
    // Done items, and any other item with a leftover of its op (few: no index needed for them).
    this.doneItemsStmt = sql.prepare(
      `SELECT openid, state, op, before, applied FROM job_items WHERE job_id = ?
       AND (state = 'done' OR applied IS NOT NULL) ORDER BY seq`,
    );
    this.appliedStmt = sql.prepare('SELECT applied FROM job_items WHERE job_id = ? AND seq = ?');
    this.setAppliedStmt = sql.prepare('UPDATE job_items SET applied = ? WHERE job_id = ? AND seq = ?');
    this.partialStmt = sql.prepare('UPDATE jobs SET partial = partial + ? WHERE id = ?');
    this.failedItemsStmt = sql.prepare(
      `SELECT openid, before FROM job_items ${BY_STATE} WHERE job_id = ? AND state = 'failed' ORDER BY seq`,
    );
    this.failuresStmt = sql.prepare(
      `SELECT i.openid AS openid, i.code AS code, i.errcode AS errcode, f.remark AS remark
       FROM job_items AS i ${BY_STATE} LEFT JOIN followers f ON f.openid = i.openid
       WHERE i.job_id = ? AND i.state = 'failed' ORDER BY i.seq LIMIT ? OFFSET ?`,
    );
    this.setStateStmt = sql.prepare(
      `UPDATE jobs SET status = ?, pause_reason = ?, resume_at = ?, started_at = ?, finished_at = ?,
       last_error = ? WHERE id = ?`,
    );
    this.undoneByStmt = sql.prepare('UPDATE jobs SET undone_by = ? WHERE id = ?');
    this.setCountsStmt = sql.prepare('UPDATE jobs SET succeeded = ?, total = ? WHERE id = ?');
    this.failedCountStmt = sql.prepare(
      `SELECT count(*) AS n FROM job_items ${BY_STATE} WHERE job_id = ? AND state = 'failed'`,
    );
  }

  /**
   * Writes the job and all its items in one transaction (so a job is never half-planned); when
   * `undoes` is given, that job is marked as undone by this one in the same transaction.
   */
  create(job: NewJob, items: readonly NewItem[], undoes?: string): JobRecord {
    this.db.transaction(() => {
      const skipped = items.filter((i) => i.skipped).length;
      this.insertJobStmt.run(
        job.id,
        job.kind,
        job.api,
        JSON.stringify(job.params),
        items.length,
        skipped,
        job.createdAt,
        job.undoOf,
      );
      let seq = 0;
      for (const item of items) {
        this.insertItemStmt.run(
          job.id,
          seq++,
          item.openid,
          item.skipped ? 'skipped' : 'pending',
          item.op ? JSON.stringify(item.op) : null,
          item.before ? JSON.stringify(item.before) : null,
        );
      }
      if (undoes) this.undoneByStmt.run(job.id, undoes);
    });
    // Before any WeChat call: a job lost with the WAL would leave followers changed with no record.
    this.db.persist();
    return this.require(job.id);
  }

  get(id: string): JobRecord | undefined {
    const row = this.getStmt.get(id);
    return row ? toRecord(row) : undefined;
  }

  require(id: string): JobRecord {
    const job = this.get(id);
    if (!job) throw new Error(`job ${id} vanished`);
    return job;
  }

  /** Newest first. */
  list(limit = LIST_LIMIT): JobRecord[] {
    return this.listStmt.all(limit).map(toRecord);
  }

  /** Oldest first. */
  withStatus(statuses: readonly JobStatus[]): JobRecord[] {
    return this.byStatusStmt.all(JSON.stringify(statuses)).map(toRecord);
  }

  /**
   * Moves the job through its lifecycle: the only write of its state. Returns the job as it is
   * now, or null when the job is gone or the move is illegal (then nothing is written).
   */
  apply(id: string, event: JobEvent, now: number): JobRecord | null {
    const job = this.get(id);
    if (!job) return null;
    const next = transition(job, event, now);
    if (!next.ok) return null;
    const s = next.state;
    this.setStateStmt.run(
      s.status,
      s.pauseReason,
      s.resumeAt,
      s.startedAt,
      s.finishedAt,
      s.lastError ? JSON.stringify(s.lastError) : null,
      id,
    );
    const moved = { ...job, ...s };
    this.onApplied(moved, event);
    return moved;
  }

  /** A job without items (sync) counts what it has done itself. */
  setCounts(id: string, succeeded: number, total: number): void {
    this.setCountsStmt.run(succeeded, total, id);
  }

  /** The first `limit` pending items in seq order, leaving out `except` (the ones in flight). */
  pending(jobId: string, except: Iterable<number>, limit: number): PendingItem[] {
    return this.pendingStmt.all(jobId, JSON.stringify([...except]), limit).map((r) => ({
      seq: num(r.seq),
      openid: str(r.openid),
      opKey: strOrNull(r.op),
    }));
  }

  hasPending(jobId: string): boolean {
    return this.hasPendingStmt.get(jobId) !== undefined;
  }

  /**
   * Records a chunk's outcome: items done or failed (with their code), what landed for failed
   * items that got part of their op, and the job's counts.
   */
  recordChunk(
    jobId: string,
    done: readonly number[],
    failed: readonly { seq: number; failure: ItemFailure }[],
    applied: readonly { seq: number; op: ItemOp }[] = [],
  ): void {
    this.db.transaction(() => {
      let ok = 0;
      let bad = 0;
      if (done.length > 0) ok = Number(this.markDoneStmt.run(jobId, JSON.stringify(done)).changes);
      for (const { seq, failure } of failed) {
        bad += Number(this.markStmt.run('failed', failure.code, failure.errcode ?? null, jobId, seq).changes);
      }
      this.countsStmt.run(ok, bad, 0, jobId);
      this.recordApplied(jobId, applied);
    });
  }

  /**
   * Adds to what landed for items that did not finish (kept across tries: a second try that
   * lands nothing does not erase what the first one did).
   */
  recordApplied(jobId: string, applied: readonly { seq: number; op: ItemOp }[]): void {
    if (applied.length === 0) return;
    this.db.transaction(() => {
      let added = 0;
      for (const { seq, op } of applied) {
        const row = this.appliedStmt.get(jobId, seq);
        if (!row) continue;
        const earlier = parseJson(strOrNull(row.applied), (v) => itemOpSchema.parse(v));
        if (!earlier) added++;
        const merged = earlier ? (mergeOps([earlier, op]) ?? op) : op;
        this.setAppliedStmt.run(JSON.stringify(merged), jobId, seq);
      }
      if (added > 0) this.partialStmt.run(added, jobId);
    });
  }

  /** Marks every pending item except `keep` (those in flight) skipped; returns how many. */
  skipPending(jobId: string, keep: Iterable<number> = []): number {
    return this.db.transaction(() => {
      const n = Number(this.skipPendingStmt.run(jobId, JSON.stringify([...keep])).changes);
      this.countsStmt.run(0, 0, n, jobId);
      return n;
    });
  }

  /** Every item WeChat changed, wholly (done) or in part (a leftover of a failed or stopped item). */
  doneItems(jobId: string): DoneItem[] {
    return this.doneItemsStmt.all(jobId).map((r) => {
      const applied = str(r.state) === 'done' ? null : strOrNull(r.applied);
      return {
        openid: str(r.openid),
        op: parseJson(applied ?? strOrNull(r.op), (v) => itemOpSchema.parse(v)),
        before: parseJson(strOrNull(r.before), (v) => beforeStateSchema.parse(v)),
      };
    });
  }

  /** The failed items with their before-state when the job was planned (for "retry failed"). */
  failedItems(jobId: string): { openid: string; before: BeforeState | null }[] {
    return this.failedItemsStmt.all(jobId).map((r) => ({
      openid: str(r.openid),
      before: parseJson(strOrNull(r.before), (v) => beforeStateSchema.parse(v)),
    }));
  }

  failures(jobId: string, offset: number, limit: number): { failures: JobFailure[]; total: number } {
    const failures = this.failuresStmt.all(jobId, limit, offset).map((r): JobFailure => {
      const errcode = numOrNull(r.errcode);
      const remark = strOrNull(r.remark);
      return {
        openid: str(r.openid),
        code: errorCodeSchema.catch('INTERNAL').parse(r.code),
        ...(errcode === null ? {} : { errcode }),
        ...(remark ? { remark } : {}),
      };
    });
    return { failures, total: num(this.failedCountStmt.get(jobId)?.n) };
  }
}

function parseJson<T>(text: string | null, parse: (value: unknown) => T): T | null {
  return text === null ? null : parse(JSON.parse(text) as unknown);
}

function toRecord(r: SqlRow): JobRecord {
  return {
    id: str(r.id),
    kind: jobKindSchema.parse(r.kind),
    api: groupApiSchema.parse(r.api),
    status: jobStatusSchema.parse(r.status),
    pauseReason: r.pause_reason === null ? null : jobPauseReasonSchema.parse(r.pause_reason),
    resumeAt: numOrNull(r.resume_at),
    params: jobParamsSchema.parse(JSON.parse(str(r.params)) as unknown),
    total: num(r.total),
    succeeded: num(r.succeeded),
    failed: num(r.failed),
    skipped: num(r.skipped),
    partial: num(r.partial),
    createdAt: num(r.created_at),
    startedAt: numOrNull(r.started_at),
    finishedAt: numOrNull(r.finished_at),
    undoOf: strOrNull(r.undo_of),
    undoneBy: strOrNull(r.undone_by),
    lastError: parseJson(strOrNull(r.last_error), (v) => appErrorDataSchema.parse(v)),
  };
}
