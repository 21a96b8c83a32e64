import { queryOptions } from '@tanstack/react-query';
import type { AccountSummary } from '#contract/accounts';
import { hasBridge, unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';

/** The accounts and which one is the default (React-free: the start-up prefetch uses it too). */
export const accountsQuery = queryOptions({
  queryKey: queryKeys.accounts,
  queryFn: () => wxg.accountsList().then(unwrap),
  enabled: hasBridge,
  staleTime: Infinity,
});

/** The account the main window shows: the default one, else the first. */
export function currentAccount(
  data: { accounts: AccountSummary[]; defaultId: string | null } | undefined,
): AccountSummary | undefined {
  if (!data) return undefined;
  return data.accounts.find((a) => a.id === data.defaultId) ?? data.accounts[0];
}
