import type { QueryClient } from '@tanstack/react-query';
import { accountsQuery, currentAccount } from '../features/accounts/accountsQuery';
import { noFilters, toQuery } from '../features/followers/followerFilters';
import { firstWindowQuery, followerTotalQuery } from '../features/followers/followerPages';
import { groupsQuery } from '../features/groups/groupsQuery';
import { jobsQuery } from '../features/jobs/jobsQuery';
import { loadNetStatus } from '../features/network/loadNetStatus';
import { settingsQuery } from '../features/settings/settingsQuery';
import { syncStatusQuery } from '../features/sync/syncStatusQuery';

/**
 * What the first screen shows, asked for while React and antd are still loading: the settings and
 * the accounts at once, then, as soon as the accounts say which one the window shows, its first
 * window of followers (the core has already opened that account) and the rest of its main window.
 * The screens then find the answers in the cache instead of asking after their first render.
 */
export function prefetchStartup(client: QueryClient): void {
  void client.prefetchQuery(settingsQuery);
  void client.fetchQuery(accountsQuery).then(
    (data) => {
      const account = currentAccount(data);
      if (account) prefetchMainWindow(client, account.id);
    },
    // The accounts screen shows the error (and retries) itself.
    () => undefined,
  );
}

function prefetchMainWindow(client: QueryClient, accountId: string): void {
  void client.prefetchQuery(firstWindowQuery(accountId, toQuery(noFilters)));
  void client.prefetchQuery(groupsQuery(accountId));
  void client.prefetchQuery(followerTotalQuery(accountId));
  void client.prefetchQuery(syncStatusQuery(accountId));
  void client.prefetchQuery(jobsQuery(accountId));
  loadNetStatus(accountId);
}
