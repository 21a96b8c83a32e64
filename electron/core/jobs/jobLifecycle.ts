import type { JobPauseReason, JobStatus } from '#contract/jobs';
import type { AppErrorData } from '#contract/result';

/** The columns of a job that say where it is in its life; only `transition` computes them. */
export interface JobState {
  status: JobStatus;
  pauseReason: JobPauseReason | null;
  resumeAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  lastError: AppErrorData | null;
}

export type AutoPauseReason = Exclude<JobPauseReason, 'user'>;

/** Everything that can happen to a job, whatever its kind. */
export type JobEvent =
  /** Its first step was taken (a queued job starts running). */
  | { type: 'started' }
  /** The owner paused it (jobs:pause). */
  | { type: 'pausedByUser' }
  /** WeChat stopped it for a while (offline, quota, rate, ip, server); renewed when a probe fails. */
  | { type: 'pausedAuto'; reason: AutoPauseReason; resumeAt: number | null; error: AppErrorData | null }
  /** An automatically paused job tried one step and it went through: it runs at full speed again. */
  | { type: 'probePassed' }
  /** The owner resumed a paused or failed job. */
  | { type: 'resumed' }
  /**
   * The owner cancelled it. `settled: false` while steps are still in flight (it finishes when they
   * land: a second `cancelled` with `settled: true`).
   */
  | { type: 'cancelled'; settled: boolean }
  /** Nothing left to do. */
  | { type: 'completed' }
  /** An error no wait can cure. */
  | { type: 'failed'; error: AppErrorData };

export type JobEventType = JobEvent['type'];

export type Transition = { ok: true; state: JobState } | { ok: false; why: string };

const active = (s: JobState) => s.status === 'queued' || s.status === 'running' || s.status === 'paused';
const autoPaused = (s: JobState) => s.status === 'paused' && s.pauseReason !== 'user';

/**
 * The one place a job's state changes: the state after `event` at `now`, or why the move is
 * illegal (then nothing changes). Pure, for every kind of job.
 */
export function transition(job: JobState, event: JobEvent, now: number): Transition {
  const refuse = (): Transition => ({
    ok: false,
    why: `cannot apply ${event.type} to a job that is ${job.status}${job.pauseReason ? ` (${job.pauseReason})` : ''}`,
  });
  const to = (state: Partial<JobState>): Transition => ({ ok: true, state: { ...job, ...state } });
  switch (event.type) {
    case 'started':
      if (job.status !== 'queued') return refuse();
      return to({ status: 'running', startedAt: job.startedAt ?? now });
    case 'pausedByUser':
      if (!active(job) || job.pauseReason === 'user') return refuse();
      return to({ status: 'paused', pauseReason: 'user', resumeAt: null });
    case 'pausedAuto':
      // A user's pause stands: the job meets the same condition again when they resume it.
      if (!active(job) || job.pauseReason === 'user') return refuse();
      return to({
        status: 'paused',
        pauseReason: event.reason,
        resumeAt: event.resumeAt,
        lastError: event.error,
      });
    case 'probePassed':
      if (!autoPaused(job)) return refuse();
      return to({ status: 'running', pauseReason: null, resumeAt: null, lastError: null });
    case 'resumed':
      if (job.status !== 'paused' && job.status !== 'failed') return refuse();
      return to({
        status: job.startedAt === null ? 'queued' : 'running',
        pauseReason: null,
        resumeAt: null,
        lastError: null,
        finishedAt: null,
      });
    case 'cancelled':
      if (job.status === 'cancelled') {
        // Only the landing of the steps that were in flight finishes a cancelled job.
        if (!event.settled || job.finishedAt !== null) return refuse();
        return to({ finishedAt: now });
      }
      if (!active(job) && job.status !== 'failed') return refuse();
      return to({
        status: 'cancelled',
        pauseReason: null,
        resumeAt: null,
        finishedAt: event.settled ? now : null,
      });
    case 'completed':
      // A user's pause that came while the last step was in flight stands.
      if (!active(job) || job.pauseReason === 'user') return refuse();
      return to({
        status: 'done',
        pauseReason: null,
        resumeAt: null,
        lastError: null,
        startedAt: job.startedAt ?? now,
        finishedAt: now,
      });
    case 'failed':
      if (!active(job)) return refuse();
      return to({
        status: 'failed',
        pauseReason: null,
        resumeAt: null,
        lastError: event.error,
        finishedAt: now,
      });
  }
}
