import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GroupApi, NetworkSetting } from '#contract/accounts';
import { unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';

export function useAccountSettings(accountId: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.accounts });
  return {
    rename: useMutation({
      mutationFn: (name: string) => wxg.accountsRename({ id: accountId, name }).then(unwrap),
      onSuccess: refresh,
    }),
    network: useMutation({
      mutationFn: (network: NetworkSetting) => wxg.accountsConfigure({ id: accountId, network }).then(unwrap),
      onSuccess: refresh,
    }),
    /** Tested against WeChat by the core before it is saved; notes and history stay. */
    changeSecret: useMutation({
      mutationFn: (appSecret: string) => wxg.accountsChangeSecret({ id: accountId, appSecret }).then(unwrap),
      onSuccess: async () => {
        await refresh();
        // What failed for want of a working secret can be tried again now.
        await client.invalidateQueries({ queryKey: queryKeys.account(accountId) });
      },
    }),
    /** A new group API means new group ids: the lists are re-read with a sync. */
    groupApi: useMutation({
      mutationFn: async (groupApi: GroupApi) => {
        const account = await wxg.accountsConfigure({ id: accountId, groupApi }).then(unwrap);
        client.setQueryData(queryKeys.sync(accountId), await wxg.syncStart({ accountId }).then(unwrap));
        return account;
      },
      onSuccess: async () => {
        await refresh();
        await client.invalidateQueries({ queryKey: queryKeys.account(accountId) });
      },
    }),
    remove: useMutation({
      mutationFn: () => wxg.accountsRemove({ id: accountId }).then(unwrap),
      onSuccess: () => {
        client.removeQueries({ queryKey: queryKeys.account(accountId) });
        return refresh();
      },
    }),
  };
}
