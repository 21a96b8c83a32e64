import type { EventHub } from '../transport';

/** Whether WeChat answers for each account, and since when; tells the renderer on every change. */
export class NetStatus {
  private readonly state = new Map<string, { online: boolean; reason?: string; since: number }>();

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
  }

  get(accountId: string) {
    return this.state.get(accountId) ?? null;
  }
}
