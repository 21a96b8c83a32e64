import { randomUUID } from 'node:crypto';
import type { JobPauseReason } from '#contract/jobs';
import type { AppErrorData } from '#contract/result';
import type { JobBooks } from './jobBooks';
import type { JobEvent } from './jobLifecycle';
import type { JobRecord, JobStore } from '../store';

/** How a sync run ended, as its job records it. */
export type SyncJobEnd =
  | { status: 'done'; fetched: number }
  | { status: 'cancelled' }
  | { status: 'paused'; reason: JobPauseReason; resumeAt: number | null; error: AppErrorData | null }
  | { status: 'failed'; error: AppErrorData };

/** One sync job row, while the sync service works on it. */
export interface SyncJobHandle {
  readonly id: string;
  record(): JobRecord;
  progress(done: number, total: number): void;
  end(end: SyncJobEnd): void;
  /** Stores the counts so far (the services are closing and the job stays running). */
  persist(): void;
}

/**
 * Where the sync service records its runs: as jobs of kind `sync` in the account's job history,
 * so a sync is listed, paused, resumed and cancelled like any other job.
 */
export interface SyncJobLog {
  /**
   * The job a sync run is recorded in, marked running: `reuse` when it names a sync job, else the
   * account's unfinished sync job (a sync carried on after a pause or a restart), else a new one.
   */
  begin(accountId: string, reuse?: string): Promise<SyncJobHandle>;
  /** The account's queued, running or paused sync job, if any. */
  unfinished(accountId: string): Promise<SyncJobHandle | null>;
  get(accountId: string, jobId: string): Promise<SyncJobHandle | null>;
}

const UNFINISHED = ['queued', 'running', 'paused'] as const;

/** The job rows behind the sync service's runs. */
export class SyncJobRecords implements SyncJobLog {
  /**
   * Counts of running syncs, kept here rather than written every 100 ms: the sync's writer thread
   * holds the database's write lock for a while at a time, and a write from this thread would wait
   * for it (measured: 0.4 s of a 100 000-follower sync).
   */
  private readonly live = new Map<string, { done: number; total: number }>();

  constructor(
    private readonly books: JobBooks,
    private readonly now: () => number,
  ) {}

  /** The job as stored, with a running sync's current counts. */
  withLive(job: JobRecord): JobRecord {
    const counts = this.live.get(job.id);
    return counts ? { ...job, succeeded: counts.done, total: counts.total } : job;
  }

  async begin(accountId: string, reuse?: string): Promise<SyncJobHandle> {
    const { store, session } = await this.books.open(accountId);
    const api = session.backend.api;
    const reused = reuse ? syncJob(store, reuse) : undefined;
    const job =
      reused ??
      unfinishedSync(store) ??
      store.create(
        { id: randomUUID(), kind: 'sync', api, params: {}, createdAt: this.now(), undoOf: null },
        [],
      );
    // A sync carried on after a pause or a failure resumes; one left running by a restart runs on.
    const now = this.now();
    if (job.status === 'paused' || job.status === 'failed') store.apply(job.id, { type: 'resumed' }, now);
    store.apply(job.id, { type: 'started' }, now);
    return this.handle(accountId, store, job.id);
  }

  async unfinished(accountId: string): Promise<SyncJobHandle | null> {
    const { store } = await this.books.open(accountId);
    const job = unfinishedSync(store);
    return job ? this.handle(accountId, store, job.id) : null;
  }

  async get(accountId: string, jobId: string): Promise<SyncJobHandle | null> {
    const { store } = await this.books.open(accountId);
    return syncJob(store, jobId) ? this.handle(accountId, store, jobId) : null;
  }

  private handle(accountId: string, store: JobStore, id: string): SyncJobHandle {
    return {
      id,
      record: () => this.withLive(store.require(id)),
      progress: (done, total) => {
        this.live.set(id, { done, total: Math.max(done, total) });
        this.books.progressed(accountId, id);
      },
      persist: () => {
        const counts = this.live.get(id);
        this.live.delete(id);
        if (counts) store.setCounts(id, counts.done, counts.total);
      },
      end: (end) => {
        const counts = this.live.get(id);
        this.live.delete(id);
        if (end.status === 'done') store.setCounts(id, end.fetched, end.fetched);
        else if (counts) store.setCounts(id, counts.done, counts.total);
        store.apply(id, endEvent(end), this.now());
      },
    };
  }
}

function endEvent(end: SyncJobEnd): JobEvent {
  switch (end.status) {
    case 'done':
      return { type: 'completed' };
    case 'cancelled':
      return { type: 'cancelled', settled: true };
    case 'failed':
      return { type: 'failed', error: end.error };
    case 'paused':
      return end.reason === 'user'
        ? { type: 'pausedByUser' }
        : { type: 'pausedAuto', reason: end.reason, resumeAt: end.resumeAt, error: end.error };
  }
}

function syncJob(store: JobStore, id: string): JobRecord | undefined {
  const job = store.get(id);
  return job?.kind === 'sync' ? job : undefined;
}

/** The account's queued, running or paused sync job (there is at most one). */
function unfinishedSync(store: JobStore): JobRecord | undefined {
  return store.withStatus(UNFINISHED).find((j) => j.kind === 'sync');
}
