// The emulator's own clock: tokens, quotas and rids read it, tests move it.

/** Default clock start: Monday 2026-01-05 09:00 UTC (17:00 in Beijing). */
export const DEFAULT_START_TIME = Date.UTC(2026, 0, 5, 9, 0, 0);

const BEIJING_OFFSET_MS = 8 * 3600_000;

export class Clock {
  private current: number;

  constructor(private readonly start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  nowSeconds(): number {
    return Math.floor(this.current / 1000);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance(ms) needs a finite ms >= 0');
    this.current += ms;
  }

  set(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError('setTime(ms) needs a finite ms');
    this.current = ms;
  }

  reset(): void {
    this.current = this.start;
  }

  /** WeChat's daily quotas roll over at midnight Beijing time (UTC+8). */
  dayKey(): number {
    return Math.floor((this.current + BEIJING_OFFSET_MS) / 86_400_000);
  }

  minuteKey(): number {
    return Math.floor(this.current / 60_000);
  }

  /** Calendar month in Beijing time, for clear_quota's 10-per-month budget. */
  monthKey(): number {
    const d = new Date(this.current + BEIJING_OFFSET_MS);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  }
}
