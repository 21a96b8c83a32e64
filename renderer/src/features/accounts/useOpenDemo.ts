import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';

/** Opens the demo account, makes it the one shown and starts its first sync. */
export function useOpenDemo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const account = await wxg.demoOpen().then(unwrap);
      await wxg.accountsSetDefault({ id: account.id }).then(unwrap);
      const status = await wxg.syncStatus({ accountId: account.id }).then(unwrap);
      if (status.lastSyncedAt === null && !status.running)
        client.setQueryData(
          queryKeys.sync(account.id),
          await wxg.syncStart({ accountId: account.id }).then(unwrap),
        );
      return account;
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.accounts }),
  });
}
