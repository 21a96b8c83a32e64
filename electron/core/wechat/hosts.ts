/** WeChat's API hosts in failover order (wechat-api.md §7): nearest, disaster recovery, regions. */
export const WECHAT_HOSTS = [
  'https://api.weixin.qq.com',
  'https://api2.weixin.qq.com',
  'https://sh.api.weixin.qq.com',
  'https://sz.api.weixin.qq.com',
  'https://hk.api.weixin.qq.com',
] as const;

/**
 * Which host to use next. After a network failure it moves on and remembers the host that works;
 * once `retryPrimaryAfterMs` has passed it tries the primary again.
 */
export class HostRotation {
  private current = 0;
  private movedAt = 0;

  constructor(
    readonly hosts: readonly string[],
    private readonly retryPrimaryAfterMs: number,
    private readonly now: () => number,
  ) {
    if (hosts.length === 0) throw new Error('HostRotation needs at least one host');
  }

  /** The host to send the next request to. */
  pick(): string {
    if (this.current !== 0 && this.now() - this.movedAt >= this.retryPrimaryAfterMs) this.current = 0;
    return this.hosts[this.current] as string;
  }

  /** `host` failed at the network level: move past it (unless another request already did). */
  failed(host: string): void {
    if (this.hosts[this.current] !== host) return;
    this.current = (this.current + 1) % this.hosts.length;
    this.movedAt = this.now();
  }
}
