import { queryOptions } from '@tanstack/react-query';
import type { SyncStatus } from '#contract/dataChannels';
import { unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';
import { netStatusStore } from '../network/netStatusStore';

/** Offline-looking sync errors: the core could not reach WeChat at all. */
const offlineCodes = new Set(['NETWORK', 'TIMEOUT']);

/**
 * The account's sync state; `sync:progress` events keep it current between fetches (React-free:
 * the start-up prefetch uses it too).
 */
export function syncStatusQuery(accountId: string) {
  return queryOptions({
    queryKey: queryKeys.sync(accountId),
    queryFn: async (): Promise<SyncStatus> => {
      const status = await wxg.syncStatus({ accountId }).then(unwrap);
      if (status.lastError && offlineCodes.has(status.lastError.code))
        netStatusStore.reportOffline(accountId, status.lastError.code, Date.now());
      return status;
    },
    staleTime: Infinity,
  });
}
