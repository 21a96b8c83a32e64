import { queryOptions } from '@tanstack/react-query';
import { unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';

/** The account's groups with counts, from the cache (React-free: the start-up prefetch uses it too). */
export function groupsQuery(accountId: string) {
  return queryOptions({
    queryKey: queryKeys.groups(accountId),
    queryFn: () => wxg.groupsList({ accountId }).then(unwrap),
  });
}
