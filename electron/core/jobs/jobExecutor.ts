import type { ChannelInput } from '#contract/channels';
import type { JobKind, JobSelection } from '#contract/jobs';
import type { JobRecord } from '../store';

/** A job to start: as `jobs:start` takes it, or a retry naming an earlier job's failures. */
export type StartRequest = Omit<ChannelInput<'jobs:start'>, 'selection'> & {
  selection?: JobSelection | { failedOf: string };
};

/**
 * How one family of job kinds runs. The job service holds one executor per kind and sends every
 * action of a job to it; the lifecycle (jobLifecycle) and automatic resumption (AutoResume) are
 * shared. Adding a kind adds an executor, not branches.
 */
export interface JobExecutor {
  readonly kinds: readonly JobKind[];
  /** Plans the job and sets it going; answers with its id. */
  start(request: StartRequest): Promise<string>;
  pause(accountId: string, job: JobRecord): Promise<void>;
  /** A paused or failed job carries on. */
  resume(accountId: string, job: JobRecord): Promise<void>;
  cancel(accountId: string, job: JobRecord): Promise<void>;
  /** An automatic pause's wait is over (or WeChat answers again): try once now. */
  retry(accountId: string, job: JobRecord): Promise<void>;
  /** The account's history opened (start-up, settings changed): carry on what was left running. */
  recover(accountId: string): Promise<void>;
  /** What re-runs the job's failed part, or null when nothing can. */
  retryRequest(accountId: string, job: JobRecord): StartRequest | null;
  /** Whether a finished job can be put back, and the job that does it. */
  canUndo(job: JobRecord): boolean;
  undo(accountId: string, job: JobRecord): Promise<string>;
  /** The job as it is shown (counts a running job keeps in memory). */
  live(job: JobRecord): JobRecord;
  /** Lets the account's work in flight land and stops (its database is about to close). */
  stopAccount(accountId: string): Promise<void>;
  close(): Promise<void>;
}
