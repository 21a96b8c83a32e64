import type { JobStore, PendingItem } from '../store';
import { batchLimit, itemOpSchema, type ItemOp } from './itemOp';

export interface Chunk {
  op: ItemOp;
  items: PendingItem[];
  /** Tried while the job is paused: its success resumes the job. */
  probe: boolean;
}

/** Pending rows (not in flight) looked at when picking a chunk, at most. */
const SCAN_AHEAD = 1_000;
/** The largest batch of any op (tags and legacy groups: 50). */
const MAX_BATCH = 50;

/** The next pending items (in order) that share an op and are not in flight anywhere. */
export function pickChunk(
  store: JobStore,
  jobId: string,
  claimed: ReadonlySet<number>,
  openidsInFlight: ReadonlySet<string>,
  jobWide: ItemOp | null,
  probe: boolean,
): Chunk | null {
  // Look at a few rows past the ones in flight first; further only when those are all blocked.
  for (let ahead = 2 * MAX_BATCH; ; ahead = Math.min(ahead * 8, SCAN_AHEAD)) {
    const rows = store.pending(jobId, claimed, ahead);
    let key: string | null | undefined;
    let op: ItemOp | null = null;
    let max = 0;
    const items: PendingItem[] = [];
    for (const item of rows) {
      if (openidsInFlight.has(item.openid)) continue;
      if (key === undefined) {
        key = item.opKey;
        op = key === null ? jobWide : itemOpSchema.parse(JSON.parse(key) as unknown);
        if (!op) return null;
        max = batchLimit(op);
      } else if (item.opKey !== key) {
        continue;
      }
      items.push(item);
      if (items.length >= max) break;
    }
    const more = rows.length === ahead && ahead < SCAN_AHEAD;
    if (op && (items.length >= max || !more)) return { op, items, probe };
    if (!more) return null;
  }
}
