// Every request the emulator answered (or refused to answer), oldest first, in a bounded ring
// so that long benchmarks cannot exhaust memory.

import type { CallRecord } from './types';

export const DEFAULT_CALL_LOG_LIMIT = 200_000;

export class CallLog {
  private ring: CallRecord[] = [];
  private start = 0;

  constructor(private readonly limit: number = DEFAULT_CALL_LOG_LIMIT) {}

  push(record: CallRecord): void {
    if (this.ring.length < this.limit) {
      this.ring.push(record);
      return;
    }
    this.ring[this.start] = record;
    this.start = (this.start + 1) % this.limit;
  }

  list(filter?: { path?: string; appid?: string }): CallRecord[] {
    const ordered =
      this.start === 0 ? this.ring : [...this.ring.slice(this.start), ...this.ring.slice(0, this.start)];
    return ordered
      .filter(
        (c) =>
          (filter?.path === undefined || c.path === filter.path) &&
          (filter?.appid === undefined || c.appid === filter.appid),
      )
      .map((c) => ({ ...c }));
  }

  clear(): void {
    this.ring = [];
    this.start = 0;
  }
}
