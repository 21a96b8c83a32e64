import type { JobKind } from '#contract/jobs';
import type { SyncService } from '../followers/syncService';
import type { JobExecutor, StartRequest } from './jobExecutor';
import { jobStateError } from './jobStateError';
import type { JobRecord } from '../store';
import type { SyncJobRecords } from './syncJobs';

/**
 * The follower sync as a job: the sync service runs it, its runs are recorded by SyncJobRecords.
 * Every way a sync starts (jobs:start, sync:start, a resume, AutoResume, the account opening)
 * comes through here to SyncService.startRun.
 */
export class SyncJobs implements JobExecutor {
  readonly kinds: readonly JobKind[] = ['sync'];

  constructor(
    private readonly sync: SyncService,
    private readonly records: SyncJobRecords,
  ) {}

  start(request: StartRequest): Promise<string> {
    return this.sync.startRun(request.accountId);
  }

  pause(accountId: string, job: JobRecord): Promise<void> {
    return this.sync.pause(accountId, job.id);
  }

  async resume(accountId: string, job: JobRecord): Promise<void> {
    await this.sync.startRun(accountId, job.id);
  }

  cancel(accountId: string, job: JobRecord): Promise<void> {
    return this.sync.cancel(accountId, job.id);
  }

  /** A sync carries on from its checkpoint: the run itself is the try. */
  retry(accountId: string, job: JobRecord): Promise<void> {
    return this.resume(accountId, job);
  }

  recover(accountId: string): Promise<void> {
    return this.sync.resumeInterrupted(accountId);
  }

  retryRequest(): StartRequest | null {
    return null;
  }

  canUndo(): boolean {
    return false;
  }

  undo(_accountId: string, job: JobRecord): Promise<string> {
    return Promise.reject(jobStateError(job, 'undo', 'a sync has nothing to undo'));
  }

  live(job: JobRecord): JobRecord {
    return this.records.withLive(job);
  }

  stopAccount(accountId: string): Promise<void> {
    return this.sync.stopAccount(accountId);
  }

  close(): Promise<void> {
    return this.sync.closeAll();
  }
}
