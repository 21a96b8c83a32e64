import type { EventHub } from '../transport';

type NetListener = (accountId: string, online: boolean) => void;

/** Whether WeChat answers for each account, and since when; tells the renderer on every change. */
export class NetStatus {
  private readonly state = new Map<string, { online: boolean; reason?: string; since: number }>();
  private readonly listeners = new Set<NetListener>();

  constructor(
    private readonly events: EventHub,
    private readonly now: () => number,
  ) {}

  report(accountId: string, online: boolean, reason?: string): void {
    const prev = this.state.get(accountId);
    if (prev && prev.online === online) return;
    const next = { online, since: this.now(), ...(reason ? { reason } : {}) };
    this.state.set(accountId, next);
    this.events.emit('net:status', { accountId, ...next });
    for (const listener of [...this.listeners]) listener(accountId, online);
  }

  get(accountId: string) {
    return this.state.get(accountId) ?? null;
  }

  /** Called on every change of an account's reachability (not on repeats). */
  onChange(listener: NetListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  forget(accountId: string): void {
    this.state.delete(accountId);
  }
}
