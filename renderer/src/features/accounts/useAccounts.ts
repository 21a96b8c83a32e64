import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';
import { accountsQuery } from './accountsQuery';

export function useAccounts() {
  return useQuery(accountsQuery);
}

/** Switches the main window to another account (remembered as the default). */
export function useSwitchAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => wxg.accountsSetDefault({ id }).then(unwrap),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.accounts }),
  });
}
