import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JobSummary } from '#contract/jobs';
import type { BulkRequest } from './bulkRequest';
import { jobsApi } from './jobsApi';
import { jobsKey, jobsQuery, rememberJob } from './jobsQuery';

/** How many items a job has dealt with so far. */
export function jobDone(job: JobSummary): number {
  return job.succeeded + job.failed + job.skipped;
}

/** The account's jobs, newest first, kept current by `job:progress` (wired in connectWxgEvents). */
export function useJobs(accountId: string) {
  return useQuery(jobsQuery(accountId));
}

export function useJobFailures(accountId: string, jobId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...jobsKey(accountId), 'failures', jobId, page, pageSize],
    queryFn: () => jobsApi.failures(accountId, jobId, page * pageSize, pageSize),
  });
}

export type JobCommand = 'pause' | 'resume' | 'cancel' | 'undo' | 'retryFailed';

export function useJobActions(accountId: string) {
  const client = useQueryClient();
  return {
    start: useMutation({
      mutationFn: (request: BulkRequest) => jobsApi.start(request),
      onSuccess: (job) => rememberJob(client, job, true),
    }),
    deleteGroup: useMutation({
      mutationFn: (groupId: number) => jobsApi.deleteGroup(accountId, groupId),
      onSuccess: (job) => rememberJob(client, job, true),
    }),
    command: useMutation({
      mutationFn: ({ command, job }: { command: JobCommand; job: JobSummary }) =>
        jobsApi[command](accountId, job.id),
      onSuccess: (job, { command }) => {
        rememberJob(client, job, command === 'undo' || command === 'retryFailed');
        void client.invalidateQueries({ queryKey: jobsKey(accountId) });
      },
    }),
  };
}

/** The job to mention in the status line, if any. */
export function runningJob(jobs: readonly JobSummary[] | undefined): JobSummary | undefined {
  // A sync has its own line (its phase and progress): this is the bulk job beside it.
  return jobs?.find(
    (j) => j.kind !== 'sync' && (j.status === 'running' || j.status === 'paused' || j.status === 'queued'),
  );
}
