import type { Logger } from '../ports';
import type { AutoPauseReason } from './jobLifecycle';
import { autoPause, sleepUntil, type JobTiming } from './jobTiming';

/** A job that paused by itself, as the scheduler needs to know it. */
export interface AutoPaused {
  accountId: string;
  jobId: string;
  reason: AutoPauseReason;
  resumeAt: number | null;
}

export interface AutoResumeDeps {
  timing: JobTiming;
  log: Logger;
  /** The wait is over: the job's executor tries it once (if it is still paused for that reason). */
  due: (paused: AutoPaused) => Promise<void>;
}

interface Wait {
  paused: AutoPaused;
  /** Ends the wait without trying (the job left its pause, or its account closed). */
  cancel: AbortController;
  /** Ends the wait and tries now (WeChat answers again). */
  early: AbortController;
}

/**
 * The one place where a job of any kind that paused by itself waits to try again: a rate pause
 * until the next minute on the jobs' clock, the others their interval (at start-up: not at all),
 * an offline pause until WeChat answers again if that comes first.
 */
export class AutoResume {
  private readonly waits = new Map<string, Wait>();
  private readonly closing = new AbortController();

  constructor(private readonly deps: AutoResumeDeps) {}

  schedule(paused: AutoPaused, atStartup = false): void {
    this.cancel(paused.accountId, paused.jobId);
    if (this.closing.signal.aborted) return;
    const wait: Wait = { paused, cancel: new AbortController(), early: new AbortController() };
    const key = keyOf(paused.accountId, paused.jobId);
    this.waits.set(key, wait);
    const stop = AbortSignal.any([wait.cancel.signal, this.closing.signal]);
    const until = AbortSignal.any([stop, wait.early.signal]);
    const { timing } = this.deps;
    void (async () => {
      if (paused.reason === 'rate') await sleepUntil(timing, paused.resumeAt ?? 0, until);
      else if (!atStartup)
        await timing.sleep(autoPause(timing, paused.reason, timing.now()).retryInMs, until);
      if (stop.aborted) return;
      if (this.waits.get(key) === wait) this.waits.delete(key);
      await this.deps.due(paused);
    })().catch((error: unknown) =>
      this.deps.log.error('job resume failed', { jobId: paused.jobId, error: String(error) }),
    );
  }

  /** The job left its automatic pause (resumed, paused by the owner, cancelled, finished). */
  cancel(accountId: string, jobId: string): void {
    const key = keyOf(accountId, jobId);
    this.waits.get(key)?.cancel.abort();
    this.waits.delete(key);
  }

  /** WeChat answers this account again: what waits out an offline pause tries now. */
  networkBack(accountId: string): void {
    for (const wait of this.waits.values()) {
      if (wait.paused.accountId === accountId && wait.paused.reason === 'offline') wait.early.abort();
    }
  }

  /** The account is closing: its jobs are looked at again when it opens. */
  stopAccount(accountId: string): void {
    for (const wait of [...this.waits.values()]) {
      if (wait.paused.accountId === accountId) this.cancel(accountId, wait.paused.jobId);
    }
  }

  close(): void {
    this.closing.abort();
    this.waits.clear();
  }
}

function keyOf(accountId: string, jobId: string): string {
  return `${accountId}\n${jobId}`;
}
