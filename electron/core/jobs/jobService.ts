import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { jobKindSchema, type JobFailure, type JobKind, type JobSummary } from '#contract/jobs';
import { AppError } from '../appError';
import { sharedByKey } from '../concurrency';
import type { AccountService } from '../accounts/accountService';
import type { Logger } from '../ports';
import type { EventHub } from '../transport';
import { AutoResume, type AutoPaused } from './autoResume';
import type { JobBook, JobBooks } from './jobBooks';
import type { JobExecutor, StartRequest } from './jobExecutor';
import { undoBlock } from './jobGroupNames';
import { jobStateError } from './jobStateError';
import type { JobRecord } from '../store';
import type { JobTiming } from './jobTiming';
import { ThrottledEmitter } from './throttledEmitter';

export interface JobServiceDeps {
  books: JobBooks;
  accounts: AccountService;
  events: EventHub;
  log: Logger;
  timing: JobTiming;
  /**
   * One per family of kinds; together they run every kind exactly once. They stop and close in
   * this order.
   */
  executors: readonly JobExecutor[];
}

/**
 * The jobs channels. Every action on a job goes to the executor of its kind; what is shared by
 * all kinds lives here: the job's views and `job:progress`, automatic resumption after a pause
 * (AutoResume, driven by the lifecycle moves the stores report), and opening an account's jobs
 * (at start-up every account with a cache: what was left running carries on).
 */
export class JobService {
  private readonly byKind = new Map<JobKind, JobExecutor>();
  private readonly ready = new Map<string, Promise<JobBook>>();
  private readonly progress: ThrottledEmitter;
  private readonly autoResume: AutoResume;
  private closed = false;

  constructor(private readonly deps: JobServiceDeps) {
    for (const executor of deps.executors) {
      for (const kind of executor.kinds) {
        if (this.byKind.has(kind)) throw new Error(`two executors for job kind ${kind}`);
        this.byKind.set(kind, executor);
      }
    }
    for (const kind of jobKindSchema.options) {
      if (!this.byKind.has(kind)) throw new Error(`no executor for job kind ${kind}`);
    }
    this.autoResume = new AutoResume({ timing: deps.timing, log: deps.log, due: (p) => this.due(p) });
    this.progress = new ThrottledEmitter(deps.timing.progressIntervalMs, (key) => {
      const [accountId = '', jobId = ''] = key.split('\n');
      const job = deps.books.opened(accountId)?.store.get(jobId);
      if (job) deps.events.emit('job:progress', this.view(accountId, job));
    });
    deps.books.listen({
      applied: (accountId, job) => {
        if (job.status === 'paused' && job.pauseReason !== null && job.pauseReason !== 'user') {
          this.autoResume.schedule({
            accountId,
            jobId: job.id,
            reason: job.pauseReason,
            resumeAt: job.resumeAt,
          });
        } else {
          this.autoResume.cancel(accountId, job.id);
        }
        this.publish(accountId, job.id, true);
      },
      progressed: (accountId, jobId) => this.publish(accountId, jobId, false),
    });
  }

  async start(input: StartRequest): Promise<JobSummary> {
    await this.open(input.accountId);
    const jobId = await this.executor(input.kind).start(input);
    return this.get(input.accountId, jobId);
  }

  async get(accountId: string, jobId: string): Promise<JobSummary> {
    const book = await this.open(accountId);
    return this.view(accountId, requireJob(book, jobId));
  }

  async list(accountId: string): Promise<{ jobs: JobSummary[] }> {
    const book = await this.open(accountId);
    return { jobs: book.store.list().map((job) => this.view(accountId, job)) };
  }

  async failures(
    accountId: string,
    jobId: string,
    offset: number,
    limit: number,
  ): Promise<{ failures: JobFailure[]; total: number }> {
    const book = await this.open(accountId);
    requireJob(book, jobId);
    return book.store.failures(jobId, offset, limit);
  }

  async pause(accountId: string, jobId: string): Promise<JobSummary> {
    const job = requireJob(await this.open(accountId), jobId);
    if (job.status === 'paused' && job.pauseReason === 'user') return this.view(accountId, job);
    if (job.status !== 'queued' && job.status !== 'running' && job.status !== 'paused') {
      throw jobStateError(job, 'pause');
    }
    await this.executor(job.kind).pause(accountId, job);
    return this.get(accountId, jobId);
  }

  async resume(accountId: string, jobId: string): Promise<JobSummary> {
    const job = requireJob(await this.open(accountId), jobId);
    if (job.status === 'queued' || job.status === 'running') return this.view(accountId, job);
    if (job.status !== 'paused' && job.status !== 'failed') throw jobStateError(job, 'resume');
    await this.executor(job.kind).resume(accountId, job);
    return this.get(accountId, jobId);
  }

  /**
   * Everything paused because WeChat refused this computer's IP (the sync included) carries on
   * now: the owner has fixed the whitelist and pressed 重新检测. Returns how many.
   */
  async resumeIpPaused(accountId: string): Promise<number> {
    const book = await this.open(accountId);
    const waiting = book.store.withStatus(['paused']).filter((job) => job.pauseReason === 'ip');
    for (const job of waiting) await this.resume(accountId, job.id);
    return waiting.length;
  }

  async cancel(accountId: string, jobId: string): Promise<JobSummary> {
    const job = requireJob(await this.open(accountId), jobId);
    if (job.status === 'cancelled') return this.view(accountId, job);
    if (job.status === 'done') throw jobStateError(job, 'cancel');
    await this.executor(job.kind).cancel(accountId, job);
    return this.get(accountId, jobId);
  }

  /** Starts the job that puts back what `jobId` changed; answers with the new job. */
  async undo(accountId: string, jobId: string): Promise<JobSummary> {
    const job = requireJob(await this.open(accountId), jobId);
    const created = await this.executor(job.kind).undo(accountId, job);
    return this.get(accountId, created);
  }

  /** A job of the same kind for what failed in `jobId` (a group delete: again, as a whole). */
  async retryFailed(accountId: string, jobId: string): Promise<JobSummary> {
    const job = requireJob(await this.open(accountId), jobId);
    const request = this.executor(job.kind).retryRequest(accountId, job);
    if (!request) throw jobStateError(job, 'retry');
    return this.start(request);
  }

  /** At start-up: every account with a cache opens its jobs, and what was left running carries on. */
  async resumeAll(): Promise<void> {
    const { accounts } = this.deps.accounts.accounts();
    await Promise.all(
      accounts
        .filter((a) => existsSync(join(this.deps.accounts.accountDir(a.id), 'cache.sqlite')))
        .map((a) => this.resumeAccount(a.id)),
    );
  }

  async resumeAccount(accountId: string): Promise<void> {
    try {
      await this.open(accountId);
    } catch (error) {
      this.deps.log.warn('jobs not resumed', {
        accountId,
        ...(error instanceof AppError ? { code: error.code } : { error: String(error) }),
      });
    }
  }

  /**
   * Stops the account's jobs (the sync first: it records its end through the account's history),
   * lets the work in flight land, and lets go of its history, before its database is closed (the
   * account is being reconfigured or removed). Unfinished jobs carry on when it opens again.
   */
  async stopAccount(accountId: string): Promise<void> {
    this.autoResume.stopAccount(accountId);
    const opened = this.ready.get(accountId);
    this.ready.delete(accountId);
    await opened?.catch(() => null);
    for (const executor of this.deps.executors) await executor.stopAccount(accountId);
    this.deps.books.forget(accountId);
  }

  /** WeChat answers again for this account: jobs waiting out an offline pause try now. */
  networkBack(accountId: string): void {
    this.autoResume.networkBack(accountId);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.autoResume.close();
    for (const executor of this.deps.executors) await executor.close();
    this.deps.books.close();
    this.progress.close();
  }

  /**
   * The account's jobs, opened once: each executor carries on what it left running, then every
   * job paused by itself gets its wait (at start-up a rate pause waits for its minute, the
   * others try at once).
   */
  private open(accountId: string): Promise<JobBook> {
    return sharedByKey(this.ready, accountId, async () => {
      if (this.closed) throw new AppError('INTERNAL', { message: 'services are closing' });
      const book = await this.deps.books.open(accountId);
      for (const executor of this.deps.executors) await executor.recover(accountId);
      for (const job of book.store.withStatus(['paused'])) {
        if (job.pauseReason === null || job.pauseReason === 'user') continue;
        this.autoResume.schedule(
          { accountId, jobId: job.id, reason: job.pauseReason, resumeAt: job.resumeAt },
          true,
        );
      }
      return book;
    });
  }

  /** An automatic pause's wait is over: the job's executor tries it, if it is still so paused. */
  private async due(paused: AutoPaused): Promise<void> {
    const job = this.deps.books.opened(paused.accountId)?.store.get(paused.jobId);
    if (job?.status !== 'paused' || job.pauseReason !== paused.reason) return;
    await this.executor(job.kind).retry(paused.accountId, job);
  }

  private executor(kind: JobKind): JobExecutor {
    const executor = this.byKind.get(kind);
    if (!executor) throw new AppError('INTERNAL', { message: `no executor for job kind ${kind}` });
    return executor;
  }

  private view(accountId: string, job: JobRecord): JobSummary {
    const executor = this.executor(job.kind);
    const shown = summary(accountId, executor.live(job), executor.canUndo(job));
    if (!shown.canUndo || !job.params.names) return shown;
    const session = this.deps.books.opened(accountId)?.session;
    const block = session ? undoBlock(job.params, session.db.groups.list(job.api)) : null;
    return block ? { ...shown, canUndo: false, undoBlocked: block } : shown;
  }

  private publish(accountId: string, jobId: string, statusChanged: boolean): void {
    this.progress.push(`${accountId}\n${jobId}`, statusChanged);
  }
}

function requireJob(book: JobBook, jobId: string): JobRecord {
  const job = book.store.get(jobId);
  if (!job) throw new AppError('NOT_FOUND', { what: 'job', id: jobId });
  return job;
}

function summary(accountId: string, job: JobRecord, canUndo: boolean): JobSummary {
  return {
    id: job.id,
    accountId,
    kind: job.kind,
    status: job.status,
    pauseReason: job.pauseReason,
    resumeAt: job.resumeAt,
    params: job.params,
    total: job.total,
    succeeded: job.succeeded,
    failed: job.failed,
    skipped: job.skipped,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    undoOf: job.undoOf,
    undoneBy: job.undoneBy,
    canUndo,
    undoBlocked: null,
    lastError: job.lastError,
  };
}
