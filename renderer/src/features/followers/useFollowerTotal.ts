import { useQuery } from '@tanstack/react-query';
import { followerTotalQuery } from './followerPages';

/** How many (subscribed) followers the account's cache holds. */
export function useFollowerTotal(accountId: string, enabled = true) {
  return useQuery({ ...followerTotalQuery(accountId), select: (page) => page.total, enabled });
}
