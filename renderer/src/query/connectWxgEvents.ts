import type { QueryClient } from '@tanstack/react-query';
import { wxg } from '../api';
import { applyJobProgress } from '../features/jobs/jobsQuery';
import { netStatusStore } from '../features/network/netStatusStore';
import { queryKeys } from './keys';

/**
 * The core's events, wired into the query cache for the page's lifetime: lists refetch when the
 * core says they changed, sync progress is written straight into the sync status, and
 * reachability goes to its store. Connected before the first request, so no change is missed.
 */
export function connectWxgEvents(client: QueryClient): void {
  wxg.on('accounts:changed', () => {
    void client.invalidateQueries({ queryKey: queryKeys.accounts });
  });
  wxg.on('data:changed', ({ accountId }) => {
    void client.invalidateQueries({ queryKey: queryKeys.groups(accountId) });
    void client.invalidateQueries({ queryKey: queryKeys.followers(accountId) });
  });
  wxg.on('sync:progress', (status) => {
    client.setQueryData(queryKeys.sync(status.accountId), status);
    if (!status.running) {
      void client.invalidateQueries({ queryKey: queryKeys.groups(status.accountId) });
      void client.invalidateQueries({ queryKey: queryKeys.followers(status.accountId) });
    }
  });
  wxg.on('job:progress', (job) => applyJobProgress(client, job));
  wxg.on('net:status', (status) => netStatusStore.report(status));
}
