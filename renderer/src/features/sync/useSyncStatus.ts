import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';
import { syncStatusQuery } from './syncStatusQuery';

/** The account's sync state; `sync:progress` events keep it current between fetches. */
export function useSyncStatus(accountId: string) {
  return useQuery(syncStatusQuery(accountId));
}

export function useStartSync(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => wxg.syncStart({ accountId }).then(unwrap),
    onSuccess: (status) => client.setQueryData(queryKeys.sync(accountId), status),
  });
}
