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

  /** Marks an account offline from an error the app saw itself (e.g. a failed sync). */
  reportOffline(accountId: string, reason: string, since: number): void {
    const current = this.byAccount.get(accountId);
    if (current && !current.online) return;
    this.report({ accountId, online: false, reason, since });
  }

  /**
   * Marks an account online after something that needed WeChat succeeded (a sync, an edit), in
   * case that answer arrives before the core's own `net:status` event.
   */
  reportOnline(accountId: string, since: number): void {
    const current = this.byAccount.get(accountId);
    if (!current || current.online) return;
    this.report({ accountId, online: true, since });
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
