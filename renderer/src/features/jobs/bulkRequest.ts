import type { FollowerQueryInput } from '#contract/followers';
import type { JobFailure, JobKind, JobSummary } from '#contract/jobs';

/**
 * The seam between the bulk-action UI and the core's durable jobs (`jobs:*` channels, event
 * `job:progress`). The UI is written against this interface; `connectJobs.ts` is the one place that
 * maps it onto `window.wxg` (and, with `jobSelection.ts`, fills the gaps: exclusions from a query
 * selection, retrying the failed items).
 */

export type BulkAction = Exclude<JobKind, 'deleteGroup' | 'sync'>;

/** Who a bulk action is for: ticked openids, or every follower matching a query minus some. */
export type BulkTarget =
  | { kind: 'openids'; openids: string[] }
  | {
      kind: 'query';
      query: Omit<FollowerQueryInput, 'offset' | 'limit'>;
      except: string[];
      count: number;
    };

export interface BulkRequest {
  accountId: string;
  action: BulkAction;
  target: BulkTarget;
  /** move, remove: the group they leave. */
  from?: number;
  /** move, add: the group they join. */
  to?: number;
}

export interface JobsPort {
  start(request: BulkRequest): Promise<JobSummary>;
  /** Untags everyone, then deletes the group (for tags too big to delete directly). */
  deleteGroup(accountId: string, groupId: number): Promise<JobSummary>;
  pause(accountId: string, jobId: string): Promise<JobSummary>;
  resume(accountId: string, jobId: string): Promise<JobSummary>;
  cancel(accountId: string, jobId: string): Promise<JobSummary>;
  undo(accountId: string, jobId: string): Promise<JobSummary>;
  /** A new job of the same kind for the followers that failed in `job`. */
  retryFailed(accountId: string, job: JobSummary): Promise<JobSummary>;
  list(accountId: string): Promise<JobSummary[]>;
  failures(
    accountId: string,
    jobId: string,
    offset: number,
    limit: number,
  ): Promise<{ failures: JobFailure[]; total: number }>;
  /** Progress of any job; returns the unsubscribe. */
  onProgress(listener: (job: JobSummary) => void): () => void;
}
