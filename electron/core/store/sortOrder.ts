/** How a SortOrder compares slots, built afresh for each update so it closes over current arrays. */
export interface SortRules {
  /** Slots without a key (no subscribe time, empty remark) go after all others. */
  hasKey: (slot: number) => boolean;
  /** Total order on keyed slots (ties already broken, by openid). */
  keyed: (a: number, b: number) => number;
  /** Total order on key-less slots. */
  rest: (a: number, b: number) => number;
}

/** Past this many changed slots, one re-sort beats moving them one by one. */
const MOVE_LIMIT = 64;

/**
 * A sort permutation of follower slots: slots with a key first, ascending, then slots without one.
 * Iterated backwards it is the descending order with the key-less slots still last (see
 * followerQuery). Kept up to date lazily: a few changed or new slots are taken out and put back by
 * binary search (≈0.1 ms each at 100 000); more than that re-sorts, starting from the previous
 * order, which keeps V8's TimSort close to linear.
 */
export class SortOrder {
  slots: number[] = [];
  /** How many leading slots have a key. */
  keyed = 0;
  /** Changes whenever `slots` does. */
  version = 0;
  private built = false;
  private stale = false;
  private readonly moved = new Set<number>();

  constructor(private readonly rules: () => SortRules) {}

  /** The slot's key changed. */
  move(slot: number): void {
    if (!this.built || this.stale) return;
    this.moved.add(slot);
    if (this.moved.size > MOVE_LIMIT) this.invalidate();
  }

  /** Many keys (or the tie-break order) changed: re-sort on next use. */
  invalidate(): void {
    this.stale = true;
    this.moved.clear();
  }

  reset(): void {
    this.version++;
    this.slots = [];
    this.keyed = 0;
    this.built = false;
    this.stale = false;
    this.moved.clear();
  }

  /** Brings the order up to date for slots 0..size-1 and returns it. */
  ensure(size: number): this {
    const added = size - this.slots.length;
    if (this.built && !this.stale && this.moved.size === 0 && added === 0) return this;
    const rules = this.rules();
    if (this.built && !this.stale && this.moved.size + added <= MOVE_LIMIT) {
      this.reposition(rules, size);
    } else {
      this.sort(rules, size);
    }
    this.built = true;
    this.stale = false;
    this.moved.clear();
    this.version++;
    return this;
  }

  private sort({ hasKey, keyed, rest }: SortRules, size: number): void {
    const withKey: number[] = [];
    const without: number[] = [];
    for (const slot of this.slots) (hasKey(slot) ? withKey : without).push(slot);
    for (let slot = this.slots.length; slot < size; slot++) (hasKey(slot) ? withKey : without).push(slot);
    withKey.sort(keyed);
    without.sort(rest);
    this.keyed = withKey.length;
    for (const slot of without) withKey.push(slot);
    this.slots = withKey;
  }

  private reposition({ hasKey, keyed, rest }: SortRules, size: number): void {
    const { slots } = this;
    const compare = (a: number, b: number) => {
      const ka = hasKey(a);
      if (ka !== hasKey(b)) return ka ? -1 : 1;
      return ka ? keyed(a, b) : rest(a, b);
    };
    const previous = slots.length;
    const pending = [...this.moved].filter((slot) => slot < previous);
    for (const slot of pending) slots.splice(slots.indexOf(slot), 1);
    for (let slot = previous; slot < size; slot++) pending.push(slot);
    for (const slot of pending) {
      let lo = 0;
      let hi = slots.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compare(slots[mid], slot) < 0) lo = mid + 1;
        else hi = mid;
      }
      slots.splice(lo, 0, slot);
    }
    let lo = 0;
    let hi = slots.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (hasKey(slots[mid])) lo = mid + 1;
      else hi = mid;
    }
    this.keyed = lo;
  }
}
