import { useQuery } from '@tanstack/react-query';
import { unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';

/** How many (subscribed) followers the account's cache holds. */
export function useFollowerTotal(accountId: string, enabled = true) {
  return useQuery({
    queryKey: [...queryKeys.followers(accountId), 'total'],
    queryFn: () => wxg.followersQuery({ accountId, query: { limit: 1 } }).then(unwrap),
    select: (page) => page.total,
    enabled,
  });
}
