import type { BenchResult } from './run';

/** Filled in once the jobs runner lands (tests/bench/move.ts). */
export async function benchMove(_options: { latency: number; runs: number }): Promise<BenchResult[]> {
  return [];
}
