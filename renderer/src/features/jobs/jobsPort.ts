import type { ErrorCode } from '#contract/errors';
import type { FollowerQueryInput } from '#contract/followers';
import type { AppErrorData } from '#contract/result';

/**
 * The seam between the bulk-action UI and the core's durable jobs (`jobs:*` channels, event
 * `job:progress`). The UI is written against this interface only; `connectJobs.ts` is the one place
 * that maps it onto `window.wxg` once those channels exist. While `jobsPort` is null the bulk menu
 * stays visible but disabled ("coming soon").
 */

export type BulkAction = 'move' | 'add' | 'remove' | 'blacklist' | 'unblacklist';

/** Who a bulk action is for: ticked openids, or every follower matching a query minus some. */
export type BulkTarget =
  | { kind: 'openids'; openids: string[] }
  | {
      kind: 'query';
      query: Omit<FollowerQueryInput, 'offset' | 'limit' | 'sort'>;
      except: string[];
      count: number;
    };

export interface BulkRequest {
  accountId: string;
  action: BulkAction;
  target: BulkTarget;
  /** move: the group they leave; remove: the group they leave. */
  fromGroupId?: number;
  /** move/add: the group they join. */
  toGroupId?: number;
}

export type JobKind = BulkAction | 'undo' | 'deleteGroup' | 'sync';
export type JobState = 'queued' | 'running' | 'paused' | 'done' | 'cancelled' | 'failed';

/** A job as the panel shows it. */
export interface JobView {
  id: string;
  accountId: string;
  kind: JobKind;
  state: JobState;
  /** Why it is paused (45009 quota, offline…), in the contract's error shape. */
  pauseReason: AppErrorData | null;
  total: number;
  done: number;
  succeeded: number;
  failed: number;
  skipped: number;
  fromGroupId: number | null;
  toGroupId: number | null;
  /** For an undo job: the job it reverses. */
  undoOf: string | null;
  createdAt: number;
  finishedAt: number | null;
  /** A finished or cancelled job that changed something can be undone (once). */
  canUndo: boolean;
}

export interface JobFailure {
  openid: string;
  code: ErrorCode;
  params?: Record<string, unknown>;
}

export interface JobsPort {
  start(request: BulkRequest): Promise<JobView>;
  pause(accountId: string, jobId: string): Promise<JobView>;
  resume(accountId: string, jobId: string): Promise<JobView>;
  cancel(accountId: string, jobId: string): Promise<JobView>;
  undo(accountId: string, jobId: string): Promise<JobView>;
  /** Starts a new job for the failed items of a finished one. */
  retryFailed(accountId: string, jobId: string): Promise<JobView>;
  list(accountId: string): Promise<JobView[]>;
  failures(accountId: string, jobId: string): Promise<JobFailure[]>;
  /** Progress of any job; returns the unsubscribe. */
  onProgress(listener: (job: JobView) => void): () => void;
}
