import { useQuery } from '@tanstack/react-query';
import { unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';

/** Today's quotas as WeChat counts them; read when shown, at most once a minute unless refreshed. */
export function useQuota(accountId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.quota(accountId),
    queryFn: () => wxg.wechatQuota({ accountId }).then(unwrap),
    enabled,
    staleTime: 60_000,
    retry: false,
  });
}
