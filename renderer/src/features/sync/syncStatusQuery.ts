import { queryOptions } from '@tanstack/react-query';
import type { SyncStatus } from '#contract/dataChannels';
import { unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';

/**
 * The account's sync state; `sync:progress` events keep it current between fetches (React-free:
 * the start-up prefetch uses it too).
 */
export function syncStatusQuery(accountId: string) {
  return queryOptions({
    queryKey: queryKeys.sync(accountId),
    queryFn: (): Promise<SyncStatus> => wxg.syncStatus({ accountId }).then(unwrap),
    staleTime: Infinity,
  });
}
