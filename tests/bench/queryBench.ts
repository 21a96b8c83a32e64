import { runQueryBench } from './query';
import type { BenchResult } from './run';
import { summarize } from './stats';

/** followers:query at 100 000 cached followers: p50/p95/p99 over 1 000+ mixed queries, per run. */
export async function benchQuery(options: { runs: number }): Promise<BenchResult[]> {
  const p50: number[] = [];
  const p95: number[] = [];
  const p99: number[] = [];
  const size: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const r = runQueryBench({ followers: 100_000, queries: 1000, warmup: 100, seed: 7 + i });
    p50.push(r.overall.p50);
    p95.push(r.overall.p95);
    p99.push(r.overall.p99);
    size.push(r.dbBytes / 2 ** 20);
  }
  return [
    { name: 'query p50 @100k', unit: 'ms', ...summarize(p50) },
    { name: 'query p95 @100k', unit: 'ms', ...summarize(p95), note: 'target ≤ 10 ms' },
    { name: 'query p99 @100k', unit: 'ms', ...summarize(p99) },
    { name: 'cache size @100k (store bench)', unit: 'MiB', ...summarize(size), note: 'target ≤ 60 MB' },
  ];
}
