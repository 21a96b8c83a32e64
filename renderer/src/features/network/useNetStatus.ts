import { useCallback, useSyncExternalStore } from 'react';
import { netStatusStore, type NetStatus } from './netStatusStore';

/** The account's reachability; `online` is true until WeChat is known not to answer. */
export function useNetStatus(accountId: string | undefined): {
  online: boolean;
  status: NetStatus | undefined;
} {
  const read = useCallback(() => (accountId ? netStatusStore.get(accountId) : undefined), [accountId]);
  const status = useSyncExternalStore(netStatusStore.subscribe, read);
  return { online: status?.online ?? true, status };
}
