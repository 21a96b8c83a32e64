import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { FollowerRow } from '#contract/followers';
import { queryKeys } from '../../query/keys';
import { fetchPage, firstWindowQuery, PAGE_SIZE, type FollowerFilter } from './followerPages';

/**
 * The first window of a filtered list: it carries the total and the last-synced time. While a new
 * filter loads, the previous answer stays on screen (marked as placeholder).
 */
export function useFirstWindow(accountId: string, filter: FollowerFilter) {
  return useQuery({ ...firstWindowQuery(accountId, filter), placeholderData: keepPreviousData });
}

/**
 * The windows that cover rows `[start, end]`, fetched on demand and cached for a while: the list
 * is never loaded whole, however long it is.
 */
export function useRowWindows(
  accountId: string,
  filter: FollowerFilter,
  start: number,
  end: number,
  first: FollowerRow[] | undefined,
): (index: number) => FollowerRow | undefined {
  const key = JSON.stringify(filter);
  const pages = useMemo(() => {
    const list: number[] = [];
    if (end < start) return list;
    for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p++)
      if (p > 0) list.push(p);
    return list;
  }, [start, end]);
  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: queryKeys.followerPage(accountId, key, page),
      queryFn: () => fetchPage(accountId, filter, page),
      gcTime: 60_000,
    })),
  });
  const byPage = new Map<number, FollowerRow[]>();
  if (first) byPage.set(0, first);
  results.forEach((r, i) => {
    const page = pages[i];
    if (r.data && page !== undefined) byPage.set(page, r.data.rows);
  });
  return (index: number) => byPage.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
}
