import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { FollowerQueryInput, FollowerRow } from '#contract/followers';
import { unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';

/** Rows per request: well under the contract's 500, a few screens' worth. */
export const PAGE_SIZE = 200;

type Filter = Omit<FollowerQueryInput, 'offset' | 'limit'>;

function fetchPage(accountId: string, filter: Filter, page: number) {
  return wxg
    .followersQuery({ accountId, query: { ...filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE } })
    .then(unwrap);
}

/**
 * The first window of a filtered list: it carries the total and the last-synced time. While a new
 * filter loads, the previous answer stays on screen (marked as placeholder).
 */
export function useFirstWindow(accountId: string, filter: Filter) {
  const key = JSON.stringify(filter);
  return useQuery({
    queryKey: queryKeys.followerPage(accountId, key, 0),
    queryFn: () => fetchPage(accountId, filter, 0),
    placeholderData: keepPreviousData,
  });
}

/**
 * The windows that cover rows `[start, end]`, fetched on demand and cached for a while: the list
 * is never loaded whole, however long it is.
 */
export function useRowWindows(
  accountId: string,
  filter: Filter,
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
