import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelInput } from '#contract/channels';
import {
  jobKindFields,
  type JobFailure,
  type JobParams,
  type JobSelection,
  type JobSummary,
} from '#contract/jobs';
import { AppError } from '../appError';
import type { AccountService } from '../accounts/accountService';
import { checkNotReserved } from '../groups/nameRules';
import type { Logger } from '../ports';
import type { AccountSessions } from '../session/accountSessions';
import type { SettingsService } from '../settingsService';
import type { EventHub } from '../transport';
import { AccountRunner } from './accountRunner';
import { inverseKind, jobOp, changes } from './itemOp';
import { groupNamesNow, undoBlock } from './jobGroupNames';
import { undoItems } from './inverse';
import { JobStore, type JobRecord, type NewItem } from '../store';
import type { JobTiming } from './jobTiming';
import { groupMembers, selectFollowers, type Selected } from './selection';
import { SyncJobRecords, type SyncControl, type SyncJobLog } from './syncJobs';
import { ThrottledEmitter } from './throttledEmitter';

/** A job to plan: as `jobs:start` takes it, or a retry naming an earlier job's failures. */
type StartRequest = Omit<ChannelInput<'jobs:start'>, 'selection'> & {
  selection?: JobSelection | { failedOf: string };
};

/**
 * The jobs channels: plans a job (its items resolved from the cache at once, in one transaction),
 * hands it to the account's runner, and answers pause/resume/cancel/undo/list/get/failures from
 * the account's database. Starts every account's unfinished jobs when the services start.
 */
export class JobService {
  private readonly runners = new Map<string, Promise<AccountRunner>>();
  /** The same runners once open, for the synchronous event emitters. */
  private readonly open = new Map<string, AccountRunner>();
  private readonly progress: ThrottledEmitter;
  private readonly dataChanged: ThrottledEmitter;
  private closed = false;
  private readonly syncRecords: SyncJobRecords;
  /** Where the sync service records its runs (jobs of kind `sync`). */
  readonly syncLog: SyncJobLog;

  constructor(
    private readonly sessions: AccountSessions,
    private readonly accounts: AccountService,
    private readonly settings: SettingsService,
    private readonly events: EventHub,
    private readonly log: Logger,
    private readonly timing: JobTiming,
    /** Runs the sync jobs (the sync service, built after this one). */
    private readonly sync: () => SyncControl,
  ) {
    this.syncRecords = new SyncJobRecords({
      store: async (accountId) => {
        const runner = await this.runner(accountId);
        return { store: runner.store, api: runner.session.backend.api };
      },
      now: timing.now,
      publish: (accountId, jobId, statusChanged) => this.publish(accountId, jobId, statusChanged),
    });
    this.syncLog = this.syncRecords;
    this.progress = new ThrottledEmitter(timing.progressIntervalMs, (key) => {
      const [accountId = '', jobId = ''] = key.split('\n');
      const job = this.open.get(accountId)?.store.get(jobId);
      if (job) this.events.emit('job:progress', this.view(accountId, job));
    });
    this.dataChanged = new ThrottledEmitter(timing.dataChangedIntervalMs, (accountId) =>
      this.events.emit('data:changed', { accountId }),
    );
  }

  async start(input: StartRequest): Promise<JobSummary> {
    if (input.kind === 'sync') {
      const jobId = await this.sync().startRun(input.accountId);
      return this.get(input.accountId, jobId);
    }
    const runner = await this.runner(input.accountId);
    const { db, backend } = runner.session;
    const api = backend.api;
    const params: JobParams = {};
    if (input.from !== undefined) params.from = input.from;
    if (input.to !== undefined) params.to = input.to;
    if (input.groupId !== undefined) params.groupId = input.groupId;

    const groups = db.groups.list(api);
    const known = new Set(groups.map((g) => g.id));
    for (const id of [params.from, params.to, params.groupId]) {
      if (id !== undefined && !known.has(id)) throw new AppError('NOT_FOUND', { what: 'group', id });
    }
    const names = groupNamesNow(params, groups);
    if (names && Object.keys(names).length > 0) params.names = names;
    if (params.groupId !== undefined) checkNotReserved(backend, params.groupId);

    const op = jobOp(input.kind, api, params);
    let selected: Selected[] = [];
    if (input.kind === 'deleteGroup') {
      if (api === 'tags') selected = groupMembers(db, api, params.groupId ?? -1);
    } else if (input.selection && 'failedOf' in input.selection) {
      selected = this.failedOf(runner, input.selection.failedOf);
    } else if (input.selection) {
      selected = selectFollowers(db, api, input.selection);
    }
    const now = db.followerStates.of(
      api,
      selected.filter((s) => s.original).map((s) => s.openid),
    );
    const items: NewItem[] = selected.map((s) => {
      const current = s.original ? (now.get(s.openid) ?? null) : s.before;
      return {
        openid: s.openid,
        op: null,
        // A retry keeps the state before the first try: its undo puts followers back to that.
        before: s.before,
        // Only what the cache knows can be skipped; unknown followers are sent and WeChat decides.
        skipped: op !== null && current !== null && !changes(op, current),
      };
    });
    const job = runner.store.create(
      { id: randomUUID(), kind: input.kind, api, params, createdAt: this.timing.now(), undoOf: null },
      items,
    );
    this.log.info('job started', {
      accountId: input.accountId,
      jobId: job.id,
      kind: job.kind,
      total: job.total,
    });
    this.publish(input.accountId, job.id, true);
    runner.wake();
    return this.view(input.accountId, job);
  }

  /** The failed followers of an earlier job, with their state before that job (for a retry). */
  private failedOf(runner: AccountRunner, jobId: string): Selected[] {
    const job = runner.store.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', { what: 'job', id: jobId });
    if (job.api !== runner.session.backend.api) throw jobStateError(job, 'retry');
    return runner.store.failedItems(jobId).map((f) => ({ ...f, original: true }));
  }

  async get(accountId: string, jobId: string): Promise<JobSummary> {
    const runner = await this.runner(accountId);
    return this.view(accountId, requireJob(runner, jobId));
  }

  async list(accountId: string): Promise<{ jobs: JobSummary[] }> {
    const runner = await this.runner(accountId);
    return { jobs: runner.store.list().map((job) => this.view(accountId, job)) };
  }

  async failures(
    accountId: string,
    jobId: string,
    offset: number,
    limit: number,
  ): Promise<{ failures: JobFailure[]; total: number }> {
    const runner = await this.runner(accountId);
    requireJob(runner, jobId);
    return runner.store.failures(jobId, offset, limit);
  }

  async pause(accountId: string, jobId: string): Promise<JobSummary> {
    const runner = await this.runner(accountId);
    const job = requireJob(runner, jobId);
    if (job.status === 'paused' && job.pauseReason === 'user') return this.view(accountId, job);
    if (job.status !== 'queued' && job.status !== 'running' && job.status !== 'paused') {
      throw jobStateError(job, 'pause');
    }
    if (job.kind === 'sync') await this.sync().pause(accountId, jobId);
    else runner.pause(jobId);
    return this.get(accountId, jobId);
  }

  async resume(accountId: string, jobId: string): Promise<JobSummary> {
    const runner = await this.runner(accountId);
    const job = requireJob(runner, jobId);
    if (job.status === 'queued' || job.status === 'running') return this.view(accountId, job);
    if (job.status !== 'paused' && job.status !== 'failed') throw jobStateError(job, 'resume');
    if (job.kind === 'sync') await this.sync().startRun(accountId, jobId);
    else runner.resume(job);
    return this.get(accountId, jobId);
  }

  /**
   * Everything paused because WeChat refused this computer's IP (the sync included) carries on
   * now: the owner has fixed the whitelist and pressed 重新检测. Returns how many.
   */
  async resumeIpPaused(accountId: string): Promise<number> {
    const runner = await this.runner(accountId);
    const waiting = runner.store.withStatus(['paused']).filter((job) => job.pauseReason === 'ip');
    for (const job of waiting) await this.resume(accountId, job.id);
    return waiting.length;
  }

  async cancel(accountId: string, jobId: string): Promise<JobSummary> {
    const runner = await this.runner(accountId);
    const job = requireJob(runner, jobId);
    if (job.status === 'cancelled') return this.view(accountId, job);
    if (job.status === 'done') throw jobStateError(job, 'cancel');
    if (job.kind === 'sync') await this.sync().cancel(accountId, jobId);
    else runner.cancel(jobId);
    return this.get(accountId, jobId);
  }

  /** Starts the job that puts back what `jobId` changed; answers with the new job. */
  async undo(accountId: string, jobId: string): Promise<JobSummary> {
    const runner = await this.runner(accountId);
    // A cancelled job's last chunks may still be landing: undo what they did too.
    await runner.settled(jobId);
    const job = requireJob(runner, jobId);
    if (!canUndo(job)) throw jobStateError(job, 'undo');
    const { db, backend } = runner.session;
    if (job.api !== backend.api) throw jobStateError(job, 'undo');
    // Never put followers back into a different group that happens to have the old id.
    const block = undoBlock(job.params, db.groups.list(backend.api));
    if (block) {
      throw new AppError(block.reason === 'groupGone' ? 'JOB_GROUP_GONE' : 'JOB_GROUP_CHANGED', {
        name: block.name,
        ...(block.now === undefined ? {} : { now: block.now }),
      });
    }
    const items = undoItems(db, backend.api, job, runner.store.doneItems(jobId));
    const inverse = inverseKind(job.kind, job.params);
    const created = runner.store.create(
      { id: randomUUID(), ...inverse, api: job.api, createdAt: this.timing.now(), undoOf: job.id },
      items,
      job.id,
    );
    this.log.info('job undo started', { accountId, jobId: created.id, undoOf: job.id, total: created.total });
    this.publish(accountId, job.id, true);
    this.publish(accountId, created.id, true);
    runner.wake();
    return this.view(accountId, created);
  }

  /** A job of the same kind for the followers that failed in `jobId` (a group delete: again). */
  async retryFailed(accountId: string, jobId: string): Promise<JobSummary> {
    const job = requireJob(await this.runner(accountId), jobId);
    const { kind, params } = job;
    if (kind === 'sync') throw jobStateError(job, 'retry');
    if (kind === 'deleteGroup') {
      if (params.groupId === undefined) throw new AppError('NOT_FOUND', { what: 'group' });
      return this.start({ accountId, kind, groupId: params.groupId });
    }
    if (job.failed === 0) throw new AppError('NOT_FOUND', { what: 'failures', id: jobId });
    const fields = jobKindFields[kind];
    return this.start({
      accountId,
      kind,
      selection: { failedOf: jobId },
      ...(fields.includes('from') ? { from: params.from } : {}),
      ...(fields.includes('to') ? { to: params.to } : {}),
    });
  }

  /** At start-up: every account with a cache gets its runner, which resumes unfinished jobs. */
  async resumeAll(): Promise<void> {
    const { accounts } = this.accounts.accounts();
    await Promise.all(
      accounts
        .filter((a) => existsSync(join(this.accounts.accountDir(a.id), 'cache.sqlite')))
        .map((a) => this.resumeAccount(a.id)),
    );
  }

  async resumeAccount(accountId: string): Promise<void> {
    try {
      await this.runner(accountId);
    } catch (error) {
      this.log.warn('jobs not resumed', {
        accountId,
        ...(error instanceof AppError ? { code: error.code } : { error: String(error) }),
      });
    }
  }

  /**
   * Lets the account's chunks in flight land and stops its runner (before its database is closed:
   * the account is being reconfigured or removed). Unfinished jobs resume when it opens again.
   */
  async stopAccount(accountId: string): Promise<void> {
    const runner = this.runners.get(accountId);
    this.runners.delete(accountId);
    if (!runner) return;
    const r = await runner.catch(() => null);
    await r?.close();
    this.open.delete(accountId);
  }

  /** WeChat answers again for this account: jobs waiting out an offline pause try now. */
  networkBack(accountId: string): void {
    this.open.get(accountId)?.networkBack();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.runners.keys()].map((id) => this.stopAccount(id)));
    this.progress.close();
    this.dataChanged.close();
  }

  private runner(accountId: string): Promise<AccountRunner> {
    let runner = this.runners.get(accountId);
    if (!runner) {
      runner = (async () => {
        if (this.closed) throw new AppError('INTERNAL', { message: 'services are closing' });
        const session = await this.sessions.open(accountId);
        const r = new AccountRunner({
          session,
          store: new JobStore(session.db),
          timing: this.timing,
          concurrency: () => this.settings.get().jobConcurrency,
          publish: (jobId, statusChanged) => this.publish(accountId, jobId, statusChanged),
          cacheChanged: () => this.dataChanged.push(accountId),
          log: this.log,
        });
        this.open.set(accountId, r);
        r.start();
        return r;
      })();
      this.runners.set(accountId, runner);
      runner.catch(() => {
        if (this.runners.get(accountId) === runner) this.runners.delete(accountId);
      });
    }
    return runner;
  }

  private view(accountId: string, job: JobRecord): JobSummary {
    const shown = summary(accountId, this.syncRecords.withLive(job));
    if (!shown.canUndo || !job.params.names) return shown;
    const session = this.open.get(accountId)?.session;
    const block = session ? undoBlock(job.params, session.db.groups.list(job.api)) : null;
    return block ? { ...shown, canUndo: false, undoBlocked: block } : shown;
  }

  private publish(accountId: string, jobId: string, statusChanged: boolean): void {
    this.progress.push(`${accountId}\n${jobId}`, statusChanged);
  }
}

function requireJob(runner: AccountRunner, jobId: string): JobRecord {
  const job = runner.store.get(jobId);
  if (!job) throw new AppError('NOT_FOUND', { what: 'job', id: jobId });
  return job;
}

function canUndo(job: JobRecord): boolean {
  return (
    (job.status === 'done' || job.status === 'cancelled') &&
    job.finishedAt !== null &&
    job.kind !== 'deleteGroup' &&
    job.kind !== 'sync' &&
    job.undoneBy === null &&
    // A job whose every item failed may still have changed some followers half-way.
    (job.succeeded > 0 || job.partial > 0)
  );
}

/** A request that does not fit the job's state: BAD_INPUT, shaped like the transport's issues. */
function jobStateError(job: JobRecord, action: string): AppError {
  const why =
    action === 'undo' && job.undoneBy !== null
      ? 'already undone'
      : action === 'undo' && job.kind === 'deleteGroup'
        ? 'a deleted group cannot be undone'
        : action === 'undo' && job.kind === 'sync'
          ? 'a sync has nothing to undo'
          : `cannot ${action} a job that is ${job.status}`;
  return new AppError('BAD_INPUT', { issues: [{ path: ['jobId'], message: why }], status: job.status });
}

function summary(accountId: string, job: JobRecord): JobSummary {
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
    canUndo: canUndo(job),
    undoBlocked: null,
    lastError: job.lastError,
  };
}
