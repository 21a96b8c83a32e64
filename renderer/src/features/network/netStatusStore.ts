import type { EventPayload } from '#contract/events';

export type NetStatus = EventPayload<'net:status'>;

type Listener = () => void;

/**
 * Whether WeChat answered for each account, from `net:status` events and one `net:get` per
 * account (until either says otherwise an account counts as online). Read with useNetStatus().
 */
class NetStatusStore {
  private readonly byAccount = new Map<string, NetStatus>();
  private readonly listeners = new Set<Listener>();

  report(status: NetStatus): void {
    this.byAccount.set(status.accountId, status);
    for (const listener of [...this.listeners]) listener();
  }

  get(accountId: string): NetStatus | undefined {
    return this.byAccount.get(accountId);
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}

export const netStatusStore = new NetStatusStore();
