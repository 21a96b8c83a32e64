import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { hasBridge, wxg } from '../api';
import { netStatusStore } from '../features/network/netStatusStore';
import { queryKeys } from './keys';

/**
 * The core's events, wired into the query cache: lists refetch when the core says they changed,
 * sync progress is written straight into the sync status, and reachability goes to its store.
 */
export function useWxgEvents(): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!hasBridge) return;
    const offs = [
      wxg.on('accounts:changed', () => {
        void client.invalidateQueries({ queryKey: queryKeys.accounts });
      }),
      wxg.on('data:changed', ({ accountId }) => {
        void client.invalidateQueries({ queryKey: queryKeys.groups(accountId) });
        void client.invalidateQueries({ queryKey: queryKeys.followers(accountId) });
      }),
      wxg.on('sync:progress', (status) => {
        client.setQueryData(queryKeys.sync(status.accountId), status);
        if (!status.running && !status.lastError && status.lastSyncedAt !== null)
          netStatusStore.reportOnline(status.accountId, Date.now());
        if (!status.running) {
          void client.invalidateQueries({ queryKey: queryKeys.groups(status.accountId) });
          void client.invalidateQueries({ queryKey: queryKeys.followers(status.accountId) });
        }
      }),
      wxg.on('net:status', (status) => netStatusStore.report(status)),
    ];
    return () => offs.forEach((off) => off());
  }, [client]);
}
