/**
 * Per key, calls `emit(key)` at most once per `intervalMs`; a push inside the interval is not
 * lost but emitted when the interval ends (the emitter reads the freshest state then). A forced
 * push goes out at once. Real time, not the runner's clock: this paces what the UI receives.
 */
export class ThrottledEmitter {
  private readonly last = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly intervalMs: number,
    private readonly emit: (key: string) => void,
  ) {}

  push(key: string, force = false): void {
    const since = Date.now() - (this.last.get(key) ?? -Infinity);
    if (force || since >= this.intervalMs) {
      this.clear(key);
      this.fire(key);
    } else if (!this.timers.has(key)) {
      const timer = setTimeout(() => {
        this.timers.delete(key);
        this.fire(key);
      }, this.intervalMs - since);
      timer.unref?.();
      this.timers.set(key, timer);
    }
  }

  /** Emits what is still waiting for `key` now (e.g. before its account closes). */
  flush(key: string): void {
    if (!this.timers.has(key)) return;
    this.clear(key);
    this.fire(key);
  }

  close(): void {
    for (const key of [...this.timers.keys()]) this.clear(key);
  }

  private fire(key: string): void {
    this.last.set(key, Date.now());
    try {
      this.emit(key);
    } catch {
      // A closed account's database cannot be read any more; its last state went out before.
    }
  }

  private clear(key: string): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
  }
}
