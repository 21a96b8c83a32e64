import type { SyncStatus } from '#contract/dataChannels';
import { AppError } from '../appError';
import { classify, errorData } from '../jobs/jobErrors';
import type { SyncJobHandle, SyncJobLog } from '../jobs/syncJobs';
import { autoPause, type JobTiming } from '../jobs/jobTiming';
import type { Logger } from '../ports';
import type { AccountSessions } from '../session/accountSessions';
import type { SettingsService } from '../settingsService';
import { openFollowerWriter, type AccountDb } from '../store';
import type { EventHub } from '../transport';
import { forgetSyncCheckpoint, hasSyncCheckpoint, syncFollowers, type SyncProgress } from './followerSync';

interface Running {
  abort: AbortController;
  /** Why it was stopped: what its job becomes ('close': stays running, resumes at start-up). */
  stopAs: 'pause' | 'cancel' | 'close' | null;
  jobId: string | null;
  phase: SyncStatus['phase'];
  done: number;
  total: number;
  percent: number;
  /** Settles once the run's job exists (rejects when the account cannot be opened). */
  begun: Promise<string>;
  promise: Promise<void>;
}

export interface SyncServiceDeps {
  sessions: AccountSessions;
  settings: SettingsService;
  events: EventHub;
  log: Logger;
  /** Where each run is recorded (a job of kind `sync`). */
  jobs: SyncJobLog;
  timing: JobTiming;
}

/**
 * One sync at a time per account, run in the background and reported through `sync:progress`.
 * Each run is recorded as a job of kind `sync` (its executor is SyncJobs): the jobs channels
 * start, pause, resume and cancel it, and like the other jobs it pauses by itself when WeChat is
 * unreachable or over quota, and the jobs' AutoResume has it try again later.
 */
export class SyncService {
  private readonly running = new Map<string, Running>();
  private readonly lastError = new Map<string, SyncStatus['lastError']>();
  private readonly closing = new AbortController();

  constructor(private readonly deps: SyncServiceDeps) {}

  async status(accountId: string): Promise<SyncStatus> {
    const s = await this.deps.sessions.open(accountId);
    const run = this.running.get(accountId);
    return {
      accountId,
      running: run !== undefined,
      phase: run?.phase ?? 'idle',
      done: run?.done ?? 0,
      total: run?.total ?? 0,
      percent: run?.percent ?? 0,
      lastSyncedAt: s.db.syncState.lastSyncedAt(),
      resumable: hasSyncCheckpoint(s.db),
      needsFullSync:
        (s.recovered !== null || s.db.recovery() !== null) && s.db.syncState.lastSyncedAt() === null,
      recovery: s.db.recovery(),
      lastError: this.lastError.get(accountId) ?? null,
    };
  }

  /** The owner has read what a damaged cache's replacement got back. */
  async dismissRecovery(accountId: string): Promise<SyncStatus> {
    (await this.deps.sessions.open(accountId)).db.dismissRecovery();
    this.emitStatus(accountId);
    return this.status(accountId);
  }

  /** Starts (or carries on) the account's sync; resolves with its job's id once that exists. */
  async startRun(accountId: string, reuseJob?: string): Promise<string> {
    let run = this.running.get(accountId);
    if (!run) {
      if (this.closing.signal.aborted) throw new AppError('INTERNAL', { message: 'services are closing' });
      this.lastError.delete(accountId);
      let begun!: (jobId: string) => void;
      let failed!: (error: unknown) => void;
      run = {
        abort: new AbortController(),
        stopAs: null,
        jobId: null,
        phase: 'followers',
        done: 0,
        total: 0,
        percent: 0,
        begun: new Promise<string>((resolve, reject) => {
          begun = resolve;
          failed = reject;
        }),
        promise: Promise.resolve(),
      };
      run.begun.catch(() => undefined);
      this.running.set(accountId, run);
      run.promise = this.run(accountId, run, reuseJob, begun, failed);
    }
    return run.begun;
  }

  /** Stops the account's sync between chunks; it carries on from its checkpoint when resumed. */
  async pause(accountId: string, jobId: string): Promise<void> {
    const run = this.running.get(accountId);
    if (run && run.jobId === jobId) return this.stop(run, 'pause');
    const job = await this.deps.jobs.get(accountId, jobId);
    job?.end({ status: 'paused', reason: 'user', resumeAt: null, error: job.record().lastError });
  }

  /** Stops the account's sync; the next one starts from the first page. */
  async cancel(accountId: string, jobId: string): Promise<void> {
    const run = this.running.get(accountId);
    if (run && run.jobId === jobId) return this.stop(run, 'cancel');
    const s = await this.deps.sessions.open(accountId);
    const job = await this.deps.jobs.get(accountId, jobId);
    if (job && (await this.deps.jobs.unfinished(accountId))?.id === jobId) forgetSyncCheckpoint(s.db);
    job?.end({ status: 'cancelled' });
    this.emitStatus(accountId);
  }

  /**
   * When the account opens (start-up, new settings): a sync the app was closed in the middle of
   * carries on from its checkpoint. A paused one stays paused: the owner's until they resume it,
   * an automatic one until the jobs' AutoResume has it try again.
   */
  async resumeInterrupted(accountId: string): Promise<void> {
    try {
      const s = await this.deps.sessions.open(accountId);
      const job = await this.deps.jobs.unfinished(accountId);
      const record = job?.record();
      // Only a sync that was running carries on: the checkpoint of a failed or cancelled one waits
      // for the owner's next sync (which resumes from it).
      if (!job || !record || record.status === 'paused') return;
      if (!hasSyncCheckpoint(s.db)) {
        // Closed between the sync's last write and its job's: the job's outcome is in the cache.
        const synced = (s.db.syncState.lastSyncedAt() ?? 0) >= (record.startedAt ?? Infinity);
        job.end(synced ? { status: 'done', fetched: record.succeeded } : { status: 'cancelled' });
        return;
      }
      await this.startRun(accountId, job.id);
    } catch (err) {
      this.deps.log.warn('sync not resumed', {
        accountId,
        ...(err instanceof AppError ? { code: err.code } : { error: String(err) }),
      });
    }
  }

  /** Resolves when the account's current sync (if any) has ended. */
  async settled(accountId: string): Promise<void> {
    await this.running.get(accountId)?.promise;
  }

  /**
   * Stops the account's sync and resolves once it has ended, its
   * writer thread included — before the account's database is closed. Its job stays unfinished.
   */
  async stopAccount(accountId: string): Promise<void> {
    const run = this.running.get(accountId);
    if (run) await this.stop(run, 'close');
  }

  /** Stops every sync between chunks; each resumes from its checkpoint next time. */
  async closeAll(): Promise<void> {
    this.closing.abort();
    const runs = [...this.running.values()];
    await Promise.all(runs.map((r) => this.stop(r, 'close')));
  }

  private async stop(run: Running, as: NonNullable<Running['stopAs']>): Promise<void> {
    run.stopAs ??= as;
    run.abort.abort();
    await run.promise;
  }

  private async run(
    accountId: string,
    run: Running,
    reuseJob: string | undefined,
    begun: (jobId: string) => void,
    failed: (error: unknown) => void,
  ): Promise<void> {
    let job: SyncJobHandle | null = null;
    let db: AccountDb | null = null;
    try {
      const s = await this.deps.sessions.open(accountId);
      db = s.db;
      job = await this.deps.jobs.begin(accountId, reuseJob);
      run.jobId = job.id;
      begun(job.id);
      const recorder = job;
      const onProgress = (p: SyncProgress) => {
        Object.assign(run, { phase: p.phase, done: p.done, total: p.total, percent: p.percent });
        if (p.phase === 'followers') recorder.progress(p.done, p.total);
        this.emitStatus(accountId);
      };
      // SQLite's writes run off this thread: they would stall every request in flight.
      const writer = openFollowerWriter(s.db);
      const summary = await syncFollowers(s.db, s.client, s.backend, {
        concurrency: this.deps.settings.get().syncConcurrency,
        onProgress,
        signal: run.abort.signal,
        writer,
      });
      job.end({ status: 'done', fetched: summary.followers });
      // Where the writes ran: 'inline' means the writer thread could not start in this host.
      this.deps.log.info('sync finished', { accountId, ...summary, writtenBy: writer.where });
    } catch (err) {
      if (!job || !db) {
        failed(err);
        return;
      }
      this.stopped(accountId, run, job, db, err);
    } finally {
      this.running.delete(accountId);
      this.emitStatus(accountId);
      this.deps.events.emit('data:changed', { accountId });
    }
  }

  /** What a run that threw becomes: paused, cancelled, failed, or (closing) left to resume. */
  private stopped(accountId: string, run: Running, job: SyncJobHandle, db: AccountDb, err: unknown): void {
    if (run.abort.signal.aborted) {
      if (run.stopAs === 'cancel') {
        forgetSyncCheckpoint(db);
        job.end({ status: 'cancelled' });
      } else if (run.stopAs === 'pause') {
        job.end({ status: 'paused', reason: 'user', resumeAt: null, error: null });
      } else {
        // Closing: the job stays running and carries on at the next start.
        job.persist();
      }
      return;
    }
    const data = errorData(err);
    this.lastError.set(accountId, data);
    this.deps.log.warn('sync stopped', {
      accountId,
      code: data.code,
      ...(err instanceof AppError ? {} : { error: String(err) }),
    });
    const action = classify(err);
    if (action.kind !== 'pause') {
      job.end({ status: 'failed', error: data });
      return;
    }
    const pause = autoPause(this.deps.timing, action.reason, this.deps.timing.now());
    job.end({ status: 'paused', reason: action.reason, resumeAt: pause.resumeAt, error: data });
  }

  /** Tells the renderer the account's sync status; nothing to tell once the services are closing. */
  private emitStatus(accountId: string): void {
    this.status(accountId).then(
      (st) => this.deps.events.emit('sync:progress', st),
      () => undefined,
    );
  }
}
