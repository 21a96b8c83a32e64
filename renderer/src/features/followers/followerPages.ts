import { queryOptions } from '@tanstack/react-query';
import type { FollowerQueryInput } from '#contract/followers';
import { unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';

/** Rows per request: well under the contract's 500, a few screens' worth. */
export const PAGE_SIZE = 200;

/** A follower query without its window (offset and limit are added per page). */
export type FollowerFilter = Omit<FollowerQueryInput, 'offset' | 'limit'>;

export function fetchPage(accountId: string, filter: FollowerFilter, page: number) {
  return wxg
    .followersQuery({ accountId, query: { ...filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE } })
    .then(unwrap);
}

/**
 * The first window of a filtered list, which carries the total (React-free: the start-up prefetch
 * asks for the default list's before the screen exists).
 */
export function firstWindowQuery(accountId: string, filter: FollowerFilter) {
  return queryOptions({
    queryKey: queryKeys.followerPage(accountId, JSON.stringify(filter), 0),
    queryFn: () => fetchPage(accountId, filter, 0),
  });
}

/** How many (subscribed) followers the account's cache holds, as a one-row page. */
export function followerTotalQuery(accountId: string) {
  return queryOptions({
    queryKey: [...queryKeys.followers(accountId), 'total'],
    queryFn: () => wxg.followersQuery({ accountId, query: { limit: 1 } }).then(unwrap),
  });
}
