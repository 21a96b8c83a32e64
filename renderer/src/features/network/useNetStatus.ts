import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { loadNetStatus } from './loadNetStatus';
import { netStatusStore, type NetStatus } from './netStatusStore';

/**
 * The account's reachability; `online` is true until WeChat is known not to answer (actions stay
 * usable while the first check runs), `known` once an answer or a failure has been seen.
 */
export function useNetStatus(accountId: string | undefined): {
  online: boolean;
  known: boolean;
  status: NetStatus | undefined;
} {
  const read = useCallback(() => (accountId ? netStatusStore.get(accountId) : undefined), [accountId]);
  const status = useSyncExternalStore(netStatusStore.subscribe, read);
  // Events tell about changes; ask once for the state the account is already in.
  useEffect(() => {
    if (accountId) loadNetStatus(accountId);
  }, [accountId]);
  return { online: status?.online ?? true, known: status !== undefined, status };
}
