export interface NetProbeOptions {
  /** The first check after WeChat stopped answering; each next one waits twice as long… */
  firstDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
}

export const defaultNetProbe: NetProbeOptions = { firstDelayMs: 1_000, maxDelayMs: 10_000 };

/**
 * Finds out by itself when WeChat answers again: while an account is offline it checks with a
 * call that costs no quota (see WeChatClient.reachable), backing off from one second to ten. The
 * answer reaches NetStatus through the client, which is what the window and the waiting jobs
 * follow. `reach` resolves null when the account is gone (then the checks stop).
 */
export class NetProbe {
  private readonly waits = new Map<string, { timer: ReturnType<typeof setTimeout>; delay: number }>();
  private readonly inFlight = new Set<string>();
  private closed = false;

  constructor(
    private readonly reach: (accountId: string) => Promise<boolean | null>,
    private readonly options: NetProbeOptions = defaultNetProbe,
  ) {}

  /** Checks once now (nobody knows yet whether WeChat answers for this account). */
  checkNow(accountId: string): void {
    if (this.closed || this.inFlight.has(accountId) || this.waits.has(accountId)) return;
    void this.check(accountId, null);
  }

  /** Checks now and resolves when the answer is in (the owner asked: 重新连接). */
  async checkAndWait(accountId: string): Promise<void> {
    if (this.closed) return;
    // The owner's look replaces the timed one; if it fails the backoff starts again from short.
    this.stop(accountId);
    await this.check(accountId, null);
  }

  /** WeChat stopped answering: keep checking until it does (or `stop`). */
  whileOffline(accountId: string): void {
    if (this.closed || this.waits.has(accountId) || this.inFlight.has(accountId)) return;
    this.schedule(accountId, this.options.firstDelayMs);
  }

  stop(accountId: string): void {
    const wait = this.waits.get(accountId);
    if (wait) clearTimeout(wait.timer);
    this.waits.delete(accountId);
  }

  close(): void {
    this.closed = true;
    for (const id of [...this.waits.keys()]) this.stop(id);
  }

  private schedule(accountId: string, delay: number): void {
    const timer = setTimeout(() => {
      this.waits.delete(accountId);
      void this.check(accountId, delay);
    }, delay);
    // Waiting for the network must never keep a closing process alive.
    timer.unref?.();
    this.waits.set(accountId, { timer, delay });
  }

  /** `delay` is the wait that led here (null: a one-off check). */
  private async check(accountId: string, delay: number | null): Promise<void> {
    this.inFlight.add(accountId);
    let answered: boolean | null;
    try {
      answered = await this.reach(accountId);
    } catch {
      answered = null;
    } finally {
      this.inFlight.delete(accountId);
    }
    if (this.closed || answered !== false || this.waits.has(accountId)) return;
    const next = delay === null ? this.options.firstDelayMs : Math.min(delay * 2, this.options.maxDelayMs);
    this.schedule(accountId, next);
  }
}
