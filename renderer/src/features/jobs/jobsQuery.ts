import { queryOptions } from '@tanstack/react-query';
import { queryKeys } from '../../query/keys';
import { jobsPort } from './connectJobs';

export const jobsKey = (accountId: string) => [...queryKeys.account(accountId), 'jobs'] as const;

/** The account's jobs, newest first (React-free: the start-up prefetch uses it too). */
export function jobsQuery(accountId: string) {
  return queryOptions({
    queryKey: jobsKey(accountId),
    queryFn: () => (jobsPort ? jobsPort.list(accountId) : Promise.resolve([])),
    enabled: jobsPort !== null,
  });
}
