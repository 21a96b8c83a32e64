import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';
import { jobsKey } from '../jobs/jobsQuery';

/** 重新检测: asks WeChat whether it takes this computer's IP now; what waited for it carries on. */
export function useIpRecheck(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => wxg.wechatRecheck({ accountId }).then(unwrap),
    onSuccess: (result) => {
      if (!result.ok) return;
      void client.invalidateQueries({ queryKey: queryKeys.sync(accountId) });
      void client.invalidateQueries({ queryKey: jobsKey(accountId) });
    },
  });
}
