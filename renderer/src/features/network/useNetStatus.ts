import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { wxg } from '../../api';
import { netStatusStore, type NetStatus } from './netStatusStore';

/** The account's reachability; `online` is true until WeChat is known not to answer. */
export function useNetStatus(accountId: string | undefined): {
  online: boolean;
  status: NetStatus | undefined;
} {
  const read = useCallback(() => (accountId ? netStatusStore.get(accountId) : undefined), [accountId]);
  const status = useSyncExternalStore(netStatusStore.subscribe, read);
  // Events tell about changes; ask once for the state the account is already in.
  useEffect(() => {
    if (!accountId || netStatusStore.get(accountId)) return;
    void wxg.netGet({ accountId }).then((r) => {
      if (r.ok && r.data.since !== null && !netStatusStore.get(accountId)) {
        netStatusStore.report({ ...r.data, since: r.data.since });
      }
    });
  }, [accountId]);
  return { online: status?.online ?? true, status };
}
