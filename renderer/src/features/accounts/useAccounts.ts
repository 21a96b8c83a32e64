import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountSummary } from '#contract/accounts';
import { hasBridge, unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';

export function useAccounts() {
  return useQuery({
    queryKey: queryKeys.accounts,
    queryFn: () => wxg.accountsList().then(unwrap),
    enabled: hasBridge,
    staleTime: Infinity,
  });
}

/** The account the main window shows: the default one, else the first. */
export function currentAccount(
  data: { accounts: AccountSummary[]; defaultId: string | null } | undefined,
): AccountSummary | undefined {
  if (!data) return undefined;
  return data.accounts.find((a) => a.id === data.defaultId) ?? data.accounts[0];
}

/** Switches the main window to another account (remembered as the default). */
export function useSwitchAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => wxg.accountsSetDefault({ id }).then(unwrap),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.accounts }),
  });
}
