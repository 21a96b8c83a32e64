import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FollowerRow } from '#contract/followers';
import { unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';

export function useFollower(accountId: string, openid: string | null) {
  return useQuery({
    queryKey: queryKeys.follower(accountId, openid ?? ''),
    queryFn: () => wxg.followersGet({ accountId, openid: openid ?? '' }).then(unwrap),
    enabled: openid !== null,
  });
}

/** Remark (saved on WeChat) and local note (this computer only); both refresh the lists after. */
export function useFollowerEdits(accountId: string, openid: string) {
  const client = useQueryClient();
  const done = (row: FollowerRow) => {
    client.setQueryData(queryKeys.follower(accountId, openid), row);
    void client.invalidateQueries({ queryKey: queryKeys.followers(accountId) });
  };
  return {
    remark: useMutation({
      /** recheck: the owner tries although WeChat refused remarks for this account lately. */
      mutationFn: ({ remark, recheck }: { remark: string; recheck: boolean }) =>
        wxg.followersSetRemark({ accountId, openid, remark, ...(recheck ? { recheck } : {}) }).then(unwrap),
      onSuccess: done,
    }),
    note: useMutation({
      mutationFn: (note: string) => wxg.followersSetNote({ accountId, openid, note }).then(unwrap),
      onSuccess: done,
    }),
  };
}
