import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { JobSummary } from '#contract/jobs';
import { queryKeys } from '../../query/keys';
import { netStatusStore } from '../network/netStatusStore';
import { jobsPort } from './connectJobs';
import { jobsKey, jobsQuery } from './jobsQuery';
import type { BulkRequest } from './jobsPort';

/** Whether the core can run bulk jobs. */
export const jobsAvailable = jobsPort !== null;

/** How many items a job has dealt with so far. */
export function jobDone(job: JobSummary): number {
  return job.succeeded + job.failed + job.skipped;
}

export function isFinished(job: JobSummary): boolean {
  return job.status === 'done' || job.status === 'cancelled' || job.status === 'failed';
}

/** The account's jobs, newest first, kept current by `job:progress`. */
export function useJobs(accountId: string) {
  const client = useQueryClient();
  useEffect(() => {
    if (!jobsPort) return;
    return jobsPort.onProgress((job) => {
      if (job.accountId !== accountId) return;
      // A job that runs (again) or finished reached WeChat: the network is back. (A sync is marked
      // running before its first call, so only its end says so.)
      if ((job.status === 'running' && job.kind !== 'sync') || job.status === 'done')
        netStatusStore.reportOnline(accountId, Date.now());
      const before = client.getQueryData<JobSummary[]>(jobsKey(accountId))?.find((j) => j.id === job.id);
      client.setQueryData<JobSummary[]>(jobsKey(accountId), (jobs = []) =>
        [job, ...jobs.filter((j) => j.id !== job.id)].sort((a, b) => b.createdAt - a.createdAt),
      );
      // Counts in the sidebar and tags in the rows follow the job as it lands.
      if (!before || before.status !== job.status || isFinished(job))
        void client.invalidateQueries({ queryKey: queryKeys.groups(accountId) });
    });
  }, [accountId, client]);
  return useQuery(jobsQuery(accountId));
}

export function useJobFailures(accountId: string, jobId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...jobsKey(accountId), 'failures', jobId, page, pageSize],
    queryFn: () =>
      jobsPort
        ? jobsPort.failures(accountId, jobId, page * pageSize, pageSize)
        : Promise.resolve({ failures: [], total: 0 }),
    enabled: jobsPort !== null,
  });
}

export type JobCommand = 'pause' | 'resume' | 'cancel' | 'undo' | 'retryFailed';

export function useJobActions(accountId: string) {
  const client = useQueryClient();
  const remember = (job: JobSummary, keepNewer: boolean) =>
    client.setQueryData<JobSummary[]>(jobsKey(accountId), (jobs = []) => {
      // job:progress can overtake the answer that started the job: the event is the newer news.
      if (keepNewer && jobs.some((j) => j.id === job.id)) return jobs;
      return [job, ...jobs.filter((j) => j.id !== job.id)].sort((a, b) => b.createdAt - a.createdAt);
    });
  const port = () => {
    if (!jobsPort) throw new Error('Jobs are not available');
    return jobsPort;
  };
  return {
    start: useMutation({
      mutationFn: (request: BulkRequest) => port().start(request),
      onSuccess: (job) => remember(job, true),
    }),
    deleteGroup: useMutation({
      mutationFn: (groupId: number) => port().deleteGroup(accountId, groupId),
      onSuccess: (job) => remember(job, true),
    }),
    command: useMutation({
      mutationFn: ({ command, job }: { command: JobCommand; job: JobSummary }) =>
        command === 'retryFailed' ? port().retryFailed(accountId, job) : port()[command](accountId, job.id),
      onSuccess: (job, { command }) => {
        remember(job, command === 'undo' || command === 'retryFailed');
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
