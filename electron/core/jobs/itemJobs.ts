import { randomUUID } from 'node:crypto';
import { jobKindFields, type JobKind, type JobParams } from '#contract/jobs';
import { AppError } from '../appError';
import { checkNotReserved } from '../groups/nameRules';
import type { Logger } from '../ports';
import type { EventHub } from '../transport';
import { AccountRunner } from './accountRunner';
import { inverseKind, jobOp, changes } from './itemOp';
import { undoItems } from './inverse';
import type { JobBook, JobBooks } from './jobBooks';
import type { JobExecutor, StartRequest } from './jobExecutor';
import { groupNamesNow, undoBlock } from './jobGroupNames';
import { jobStateError } from './jobStateError';
import type { JobRecord, NewItem } from '../store';
import type { JobTiming } from './jobTiming';
import { groupMembers, selectFollowers, type Selected } from './selection';
import { ThrottledEmitter } from './throttledEmitter';

export interface ItemJobsDeps {
  books: JobBooks;
  events: EventHub;
  timing: JobTiming;
  /** Chunks in flight at once per account (the jobConcurrency setting, read as it goes). */
  concurrency: () => number;
  log: Logger;
}

/**
 * The jobs made of items, one per follower (move, add, remove, blacklist, unblacklist, and the
 * group delete that empties its group first): planned from the cache at once, in one transaction,
 * then run in chunks by the account's runner.
 */
export class ItemJobs implements JobExecutor {
  readonly kinds: readonly JobKind[] = ['move', 'add', 'remove', 'blacklist', 'unblacklist', 'deleteGroup'];
  private readonly runners = new Map<string, AccountRunner>();
  private readonly dataChanged: ThrottledEmitter;

  constructor(private readonly deps: ItemJobsDeps) {
    this.dataChanged = new ThrottledEmitter(deps.timing.dataChangedIntervalMs, (accountId) =>
      deps.events.emit('data:changed', { accountId }),
    );
  }

  async start(input: StartRequest): Promise<string> {
    const book = await this.deps.books.open(input.accountId);
    const { db, backend } = book.session;
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
      selected = failedOf(book, input.selection.failedOf);
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
    const job = book.store.create(
      { id: randomUUID(), kind: input.kind, api, params, createdAt: this.deps.timing.now(), undoOf: null },
      items,
    );
    this.deps.log.info('job started', {
      accountId: input.accountId,
      jobId: job.id,
      kind: job.kind,
      total: job.total,
    });
    this.deps.books.progressed(input.accountId, job.id);
    (await this.runner(input.accountId)).wake();
    return job.id;
  }

  async pause(accountId: string, job: JobRecord): Promise<void> {
    (await this.runner(accountId)).pause(job.id);
  }

  async resume(accountId: string, job: JobRecord): Promise<void> {
    (await this.runner(accountId)).resume(job);
  }

  async cancel(accountId: string, job: JobRecord): Promise<void> {
    (await this.runner(accountId)).cancel(job.id);
  }

  async retry(accountId: string, job: JobRecord): Promise<void> {
    (await this.runner(accountId)).probe(job.id);
  }

  async recover(accountId: string): Promise<void> {
    (await this.runner(accountId)).wake();
  }

  retryRequest(accountId: string, job: JobRecord): StartRequest | null {
    const { kind, params } = job;
    // A group delete is tried again as a whole: it empties what is left of the group, then deletes.
    if (kind === 'deleteGroup') {
      if (params.groupId === undefined) throw new AppError('NOT_FOUND', { what: 'group' });
      return { accountId, kind, groupId: params.groupId };
    }
    if (job.failed === 0) throw new AppError('NOT_FOUND', { what: 'failures', id: job.id });
    const fields = jobKindFields[kind];
    return {
      accountId,
      kind,
      selection: { failedOf: job.id },
      ...(fields.includes('from') ? { from: params.from } : {}),
      ...(fields.includes('to') ? { to: params.to } : {}),
    };
  }

  canUndo(job: JobRecord): boolean {
    return (
      (job.status === 'done' || job.status === 'cancelled') &&
      job.finishedAt !== null &&
      job.kind !== 'deleteGroup' &&
      job.undoneBy === null &&
      // A job whose every item failed may still have changed some followers half-way.
      (job.succeeded > 0 || job.partial > 0)
    );
  }

  /** Starts the job that puts back what `job` changed; answers with the new job's id. */
  async undo(accountId: string, job: JobRecord): Promise<string> {
    const runner = await this.runner(accountId);
    // A cancelled job's last chunks may still be landing: undo what they did too.
    await runner.settled(job.id);
    const settled = runner.store.require(job.id);
    if (!this.canUndo(settled)) {
      throw jobStateError(
        settled,
        'undo',
        settled.kind === 'deleteGroup' ? 'a deleted group cannot be undone' : undefined,
      );
    }
    const { db, backend } = runner.session;
    if (settled.api !== backend.api) throw jobStateError(settled, 'undo');
    // Never put followers back into a different group that happens to have the old id.
    const block = undoBlock(settled.params, db.groups.list(backend.api));
    if (block) {
      throw new AppError(block.reason === 'groupGone' ? 'JOB_GROUP_GONE' : 'JOB_GROUP_CHANGED', {
        name: block.name,
        ...(block.now === undefined ? {} : { now: block.now }),
      });
    }
    const items = undoItems(db, backend.api, settled, runner.store.doneItems(settled.id));
    const inverse = inverseKind(settled.kind, settled.params);
    const created = runner.store.create(
      {
        id: randomUUID(),
        ...inverse,
        api: settled.api,
        createdAt: this.deps.timing.now(),
        undoOf: settled.id,
      },
      items,
      settled.id,
    );
    this.deps.log.info('job undo started', {
      accountId,
      jobId: created.id,
      undoOf: settled.id,
      total: created.total,
    });
    this.deps.books.progressed(accountId, settled.id);
    this.deps.books.progressed(accountId, created.id);
    runner.wake();
    return created.id;
  }

  live(job: JobRecord): JobRecord {
    return job;
  }

  async stopAccount(accountId: string): Promise<void> {
    const runner = this.runners.get(accountId);
    this.runners.delete(accountId);
    await runner?.close();
    this.dataChanged.flush(accountId);
  }

  async close(): Promise<void> {
    await Promise.all([...this.runners.keys()].map((id) => this.stopAccount(id)));
    this.dataChanged.close();
  }

  private async runner(accountId: string): Promise<AccountRunner> {
    const book = await this.deps.books.open(accountId);
    let runner = this.runners.get(accountId);
    if (!runner || runner.session !== book.session) {
      runner = new AccountRunner({
        session: book.session,
        store: book.store,
        kinds: new Set(this.kinds),
        timing: this.deps.timing,
        concurrency: this.deps.concurrency,
        progressed: (jobId) => this.deps.books.progressed(accountId, jobId),
        cacheChanged: () => this.dataChanged.push(accountId),
        log: this.deps.log,
      });
      this.runners.set(accountId, runner);
    }
    return runner;
  }
}

/** The failed followers of an earlier job, with their state before that job (for a retry). */
function failedOf(book: JobBook, jobId: string): Selected[] {
  const job = book.store.get(jobId);
  if (!job) throw new AppError('NOT_FOUND', { what: 'job', id: jobId });
  if (job.api !== book.session.backend.api) throw jobStateError(job, 'retry');
  return book.store.failedItems(jobId).map((f) => ({ ...f, original: true }));
}
