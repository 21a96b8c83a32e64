/**
 * Runs `work` over `items` with at most `limit` in flight, in order of start. The first failure
 * stops new work from starting and is thrown once the ones in flight have settled.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && next < items.length) {
      const index = next++;
      try {
        await work(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw (failure as { error: unknown }).error;
}

/**
 * Like forEachConcurrently, but pulls items from an async source as workers free up, so a slow
 * producer (the next id page) and the consumers (detail batches) overlap without a drain between.
 */
export async function pullConcurrently<T>(
  source: AsyncIterator<T>,
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null) {
      let next: IteratorResult<T>;
      try {
        next = await source.next();
      } catch (error) {
        failure ??= { error };
        return;
      }
      if (next.done) return;
      try {
        await work(next.value);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
  if (failure) throw (failure as { error: unknown }).error;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Calls `emit` at most once per `intervalMs`, always letting the last value through on flush(). */
export function throttle<T>(intervalMs: number, emit: (value: T) => void, now: () => number = Date.now) {
  let last = 0;
  let pending: { value: T } | null = null;
  return {
    push(value: T) {
      if (now() - last >= intervalMs) {
        last = now();
        pending = null;
        emit(value);
      } else pending = { value };
    },
    flush() {
      if (pending) emit(pending.value);
      pending = null;
      last = now();
    },
  };
}

/**
 * The promise `make()` gives for `key`, made once and shared by every caller meanwhile; a rejected
 * one is forgotten, so the next call tries again.
 */
export function sharedByKey<T>(
  map: Map<string, Promise<T>>,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  let shared = map.get(key);
  if (!shared) {
    shared = make();
    map.set(key, shared);
    const mine = shared;
    shared.catch(() => {
      if (map.get(key) === mine) map.delete(key);
    });
  }
  return shared;
}
