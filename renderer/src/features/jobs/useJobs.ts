import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '../../query/keys';
import { jobsPort } from './connectJobs';
import type { BulkRequest, JobView } from './jobsPort';

const jobsKey = (accountId: string) => [...queryKeys.account(accountId), 'jobs'] as const;

/** Whether the core can run bulk jobs yet. */
export const jobsAvailable = jobsPort !== null;

/** The account's jobs, newest first, kept current by progress events. */
export function useJobs(accountId: string) {
  const client = useQueryClient();
  useEffect(() => {
    if (!jobsPort) return;
    return jobsPort.onProgress((job) => {
      if (job.accountId !== accountId) return;
      client.setQueryData<JobView[]>(jobsKey(accountId), (jobs = []) => {
        const rest = jobs.filter((j) => j.id !== job.id);
        return [job, ...rest].sort((a, b) => b.createdAt - a.createdAt);
      });
      if (job.state !== 'running') void client.invalidateQueries({ queryKey: queryKeys.account(accountId) });
    });
  }, [accountId, client]);
  return useQuery({
    queryKey: jobsKey(accountId),
    queryFn: () => (jobsPort ? jobsPort.list(accountId) : Promise.resolve([])),
    enabled: jobsPort !== null,
  });
}

export function useJobFailures(accountId: string, jobId: string | null) {
  return useQuery({
    queryKey: [...jobsKey(accountId), 'failures', jobId],
    queryFn: () => (jobsPort && jobId ? jobsPort.failures(accountId, jobId) : Promise.resolve([])),
    enabled: jobsPort !== null && jobId !== null,
  });
}

export type JobCommand = 'pause' | 'resume' | 'cancel' | 'undo' | 'retryFailed';

export function useJobActions(accountId: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: jobsKey(accountId) });
  return {
    start: useMutation({
      mutationFn: (request: BulkRequest) => {
        if (!jobsPort) throw new Error('Jobs are not available yet');
        return jobsPort.start(request);
      },
      onSuccess: refresh,
    }),
    command: useMutation({
      mutationFn: ({ command, jobId }: { command: JobCommand; jobId: string }) => {
        if (!jobsPort) throw new Error('Jobs are not available yet');
        return jobsPort[command](accountId, jobId);
      },
      onSuccess: refresh,
    }),
  };
}

/** The running job to mention in the status line, if any. */
export function runningJob(jobs: readonly JobView[] | undefined): JobView | undefined {
  return jobs?.find((j) => j.state === 'running' || j.state === 'paused' || j.state === 'queued');
}
