import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { JobSummary } from '#contract/jobs';
import { queryKeys } from '../../query/keys';
import { jobsApi } from './jobsApi';

export const jobsKey = (accountId: string) => [...queryKeys.account(accountId), 'jobs'] as const;

/** The account's jobs, newest first (React-free: the start-up prefetch uses it too). */
export function jobsQuery(accountId: string) {
  return queryOptions({ queryKey: jobsKey(accountId), queryFn: () => jobsApi.list(accountId) });
}

export function isFinished(job: JobSummary): boolean {
  return job.status === 'done' || job.status === 'cancelled' || job.status === 'failed';
}

/** Puts a job into its account's list, newest first, in place of the older copy. */
export function rememberJob(client: QueryClient, job: JobSummary, keepNewer = false): void {
  client.setQueryData<JobSummary[]>(jobsKey(job.accountId), (jobs = []) => {
    // job:progress can overtake the answer that started the job: the event is the newer news.
    if (keepNewer && jobs.some((j) => j.id === job.id)) return jobs;
    return [job, ...jobs.filter((j) => j.id !== job.id)].sort((a, b) => b.createdAt - a.createdAt);
  });
}

/** A `job:progress` event: the list shows it; counts in the sidebar follow the job as it lands. */
export function applyJobProgress(client: QueryClient, job: JobSummary): void {
  const before = client.getQueryData<JobSummary[]>(jobsKey(job.accountId))?.find((j) => j.id === job.id);
  rememberJob(client, job);
  if (!before || before.status !== job.status || isFinished(job))
    void client.invalidateQueries({ queryKey: queryKeys.groups(job.accountId) });
}
