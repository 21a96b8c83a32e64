import type { JobKind } from '#contract/jobs';
import type { AppErrorData } from '#contract/result';
import { AppError } from '../appError';
import type { Logger } from '../ports';
import type { AccountSession } from '../session/accountSessions';
import { finishGroupDelete } from '../groups/groupDeleteFinish';
import { runChunk, type ChunkContext } from './chunkRunner';
import { pickChunk, type Chunk } from './chunkPicker';
import { jobOp, type ItemOp } from './itemOp';
import { errorData, JobInterrupt } from './jobErrors';
import type { JobEvent } from './jobLifecycle';
import type { JobRecord, JobStore } from '../store';
import { autoPause, type JobTiming } from './jobTiming';

export interface RunnerDeps {
  session: AccountSession;
  store: JobStore;
  /** The kinds this runner runs (the item jobs'); the account's other jobs are not its business. */
  kinds: ReadonlySet<JobKind>;
  timing: JobTiming;
  /** Chunks in flight at once for this account (the jobConcurrency setting, read as it goes). */
  concurrency: () => number;
  /** A job's counts moved (its lifecycle moves are told by the store itself). */
  progressed: (jobId: string) => void;
  /** Followers or groups changed in the cache. */
  cacheChanged: () => void;
  log: Logger;
}

/** In-memory state of one job while its account's runner is up. */
interface JobRuntime {
  /** Seqs of its items in flight (still 'pending' in the database). */
  claimed: Set<number>;
  inFlight: number;
  /** An automatically paused job may try one chunk now (it stays paused until that succeeds). */
  probeDue: boolean;
  finalizing: boolean;
  whenIdle: (() => void)[];
}

/**
 * Runs the jobs of one account: takes chunks of pending items at the API's batch limit, runs up to
 * `concurrency` of them at a time across the account's jobs (oldest job first), never lets one
 * follower be in two chunks at once (WeChat answers 45169 to concurrent changes of one openid),
 * and turns what a chunk ran into (per-item failures, 45011, 45009, no network, a fatal error)
 * into item records, pauses with automatic resumption, or a failed job.
 */
export class AccountRunner {
  private readonly openidsInFlight = new Set<string>();
  private readonly tasks = new Set<Promise<void>>();
  /** Chunks whose WeChat calls are still going (a chunk's last cache writes do not hold a slot). */
  private slotsBusy = 0;
  private readonly runtimes = new Map<string, JobRuntime>();
  private readonly stopping = new AbortController();
  private fillQueued = false;

  constructor(private readonly deps: RunnerDeps) {}

  get store(): JobStore {
    return this.deps.store;
  }

  get session(): AccountSession {
    return this.deps.session;
  }

  /** Looks for work soon (coalesced: many wakes in one tick make one pass). */
  wake(): void {
    if (this.fillQueued || this.stopping.signal.aborted) return;
    this.fillQueued = true;
    queueMicrotask(() => {
      this.fillQueued = false;
      try {
        this.fill();
      } catch (error) {
        this.deps.log.error('job runner failed to schedule', { error: String(error) });
      }
    });
  }

  pause(jobId: string): void {
    this.apply(jobId, { type: 'pausedByUser' });
  }

  /** Back to work: a paused job, or a failed one (its pending items are tried again). */
  resume(job: JobRecord): void {
    this.runtime(job.id).probeDue = false;
    this.apply(job.id, { type: 'resumed' });
    this.wake();
  }

  /** An automatically paused job tries one chunk: it runs at full speed again if that goes through. */
  probe(jobId: string): void {
    this.runtime(jobId).probeDue = true;
    this.wake();
  }

  /** Skips everything not in flight now; the chunks in flight land, then the job is finished. */
  cancel(jobId: string): void {
    const rt = this.runtime(jobId);
    this.store.skipPending(jobId, rt.claimed);
    this.apply(jobId, { type: 'cancelled', settled: rt.inFlight === 0 && !rt.finalizing });
  }

  /** Resolves when none of the job's chunks is in flight. */
  settled(jobId: string): Promise<void> {
    const rt = this.runtime(jobId);
    if (rt.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => rt.whenIdle.push(resolve));
  }

  /**
   * Stops taking chunks, ends every wait, and lets the chunks in flight land. Items not taken stay
   * pending in the database: the next start resumes them, and none is done twice.
   */
  async close(): Promise<void> {
    this.stopping.abort();
    while (this.tasks.size > 0) await Promise.allSettled([...this.tasks]);
  }

  private fill(): void {
    if (this.stopping.signal.aborted) return;
    const limit = Math.max(1, this.deps.concurrency());
    for (const job of this.store.withStatus(['queued', 'running', 'paused'])) {
      if (this.slotsBusy >= limit) return;
      if (!this.deps.kinds.has(job.kind)) continue;
      const rt = this.runtime(job.id);
      // A paused job takes part only for its probe: one chunk that decides whether it resumes.
      const probing = job.status === 'paused';
      if (probing && (job.pauseReason === 'user' || !rt.probeDue || rt.inFlight > 0)) continue;
      if (job.api !== this.deps.session.backend.api) {
        this.fail(job.id, apiChanged());
        continue;
      }
      const op = jobOp(job.kind, job.api, job.params);
      while (this.slotsBusy < limit && !rt.finalizing) {
        const chunk = pickChunk(this.store, job.id, rt.claimed, this.openidsInFlight, op, probing);
        if (!chunk) {
          if (rt.inFlight === 0 && !this.store.hasPending(job.id)) {
            rt.probeDue = false;
            this.finish(job, rt);
          }
          break;
        }
        if (job.status === 'queued') {
          this.apply(job.id, { type: 'started' });
          job.status = 'running';
        }
        this.launch(job.id, rt, chunk);
        if (probing) {
          rt.probeDue = false;
          break;
        }
      }
    }
  }

  private launch(jobId: string, rt: JobRuntime, chunk: Chunk): void {
    for (const item of chunk.items) {
      rt.claimed.add(item.seq);
      this.openidsInFlight.add(item.openid);
    }
    void this.track(jobId, rt, async (freeSlot) => {
      try {
        await this.runChunkTask(jobId, chunk, freeSlot);
      } finally {
        // Released before the task counts as settled, so the next pass can take these followers.
        for (const item of chunk.items) {
          rt.claimed.delete(item.seq);
          this.openidsInFlight.delete(item.openid);
        }
      }
    });
  }

  /**
   * Counts a task as in flight for its job until it settles, then looks for more work. It holds a
   * concurrency slot until it calls `freeSlot` (at the latest when it settles).
   */
  private track(jobId: string, rt: JobRuntime, work: (freeSlot: () => void) => Promise<void>): Promise<void> {
    rt.inFlight++;
    this.slotsBusy++;
    let holding = true;
    const freeSlot = () => {
      if (!holding) return;
      holding = false;
      this.slotsBusy--;
      this.wake();
    };
    const task: Promise<void> = work(freeSlot)
      .catch((error: unknown) => this.deps.log.error('job task crashed', { jobId, error: String(error) }))
      .finally(() => {
        freeSlot();
        rt.inFlight--;
        this.tasks.delete(task);
        this.afterTask(jobId, rt);
      });
    this.tasks.add(task);
    return task;
  }

  private async runChunkTask(jobId: string, chunk: Chunk, freeSlot: () => void): Promise<void> {
    const seqOf = new Map(chunk.items.map((i) => [i.openid, i.seq]));
    const seq = (openid: string) => seqOf.get(openid) ?? -1;
    try {
      const bySeq = (applied: ReadonlyMap<string, ItemOp>) =>
        [...applied].map(([openid, op]) => ({ seq: seq(openid), op }));
      const result = await runChunk(
        {
          ...this.chunkContext(),
          onCallsDone: freeSlot,
          recordApplied: (applied) => this.store.recordApplied(jobId, bySeq(applied)),
        },
        chunk.op,
        chunk.items.map((i) => i.openid),
      );
      this.deps.session.db.transaction(() => {
        result.writeCache();
        this.store.recordChunk(
          jobId,
          result.done.map(seq),
          [...result.failed].map(([openid, failure]) => ({ seq: seq(openid), failure })),
          bySeq(result.applied),
        );
      });
      this.deps.session.db.persist();
      // A probe that went through: WeChat answers again (network back, new day, new minute).
      if (!chunk.probe || !this.apply(jobId, { type: 'probePassed' })) this.deps.progressed(jobId);
    } catch (error) {
      this.interrupted(
        jobId,
        error instanceof JobInterrupt ? error : new JobInterrupt('fatal', errorData(error)),
      );
    }
  }

  private chunkContext(): ChunkContext {
    return {
      client: this.deps.session.client,
      db: this.deps.session.db,
      onCacheChanged: this.deps.cacheChanged,
    };
  }

  private afterTask(jobId: string, rt: JobRuntime): void {
    if (rt.inFlight === 0) {
      const job = this.store.get(jobId);
      if (job?.status === 'cancelled' && job.finishedAt === null) {
        // A cancel while chunks were in flight: what they left pending is skipped too.
        this.store.skipPending(jobId);
        this.apply(jobId, { type: 'cancelled', settled: true });
      }
      for (const resolve of rt.whenIdle.splice(0)) resolve();
    }
    this.wake();
  }

  /** No pending items and nothing in flight: the job is done (deleteGroup: after the delete). */
  private finish(job: JobRecord, rt: JobRuntime): void {
    if (job.kind !== 'deleteGroup') {
      this.complete(job.id);
      return;
    }
    rt.finalizing = true;
    void this.track(job.id, rt, async () => {
      try {
        await finishGroupDelete(this.deps.session, job.params.groupId ?? -1, this.deps.cacheChanged);
        this.complete(job.id);
      } catch (error) {
        this.interrupted(
          job.id,
          error instanceof JobInterrupt ? error : new JobInterrupt('fatal', errorData(error)),
        );
      } finally {
        rt.finalizing = false;
      }
    });
  }

  private complete(jobId: string): void {
    // A cancel or a user's pause that came while the last call was in flight stands (refused).
    if (this.apply(jobId, { type: 'completed' })) this.deps.cacheChanged();
  }

  private interrupted(jobId: string, interrupt: JobInterrupt): void {
    const job = this.store.get(jobId);
    if (!job || (job.status !== 'running' && job.status !== 'queued' && job.status !== 'paused')) return;
    if (interrupt.reason === 'fatal') {
      this.deps.log.warn('job failed', { jobId, code: interrupt.error.code });
      this.fail(jobId, interrupt.error);
      return;
    }
    const { resumeAt } = autoPause(this.deps.timing, interrupt.reason, this.deps.timing.now());
    // Refused while a user's pause stands: the job meets the same condition when they resume it.
    // Once paused, the job service's AutoResume has it try again (through probe()).
    this.apply(jobId, { type: 'pausedAuto', reason: interrupt.reason, resumeAt, error: interrupt.error });
  }

  private fail(jobId: string, error: AppErrorData): void {
    this.apply(jobId, { type: 'failed', error });
  }

  /** A lifecycle event for the job: written (and told by the store) when legal (see jobLifecycle). */
  private apply(jobId: string, event: JobEvent): boolean {
    return this.store.apply(jobId, event, this.deps.timing.now()) !== null;
  }

  private runtime(jobId: string): JobRuntime {
    let rt = this.runtimes.get(jobId);
    if (!rt) {
      rt = {
        claimed: new Set(),
        inFlight: 0,
        probeDue: false,
        finalizing: false,
        whenIdle: [],
      };
      this.runtimes.set(jobId, rt);
    }
    return rt;
  }
}

function apiChanged(): AppErrorData {
  return new AppError('BAD_INPUT', {
    issues: [{ path: ['api'], message: "the account's group API changed after the job was planned" }],
  }).toData();
}
