import { runMoveBench } from './move';
import type { BenchResult } from './run';
import { summarize } from './stats';

/** Moving 10 000 followers between tags as a job: wall time and its ratio to the lower bound. */
export async function benchMove(options: { latency: number; runs: number }): Promise<BenchResult[]> {
  const ms: number[] = [];
  let bound = 0;
  let calls = 0;
  let concurrency = 0;
  for (let i = 0; i < options.runs; i++) {
    const r = await runMoveBench({ followers: 10_000, latencyMs: options.latency });
    ms.push(r.ms);
    bound = r.lowerBoundMs;
    calls = r.calls;
    concurrency = r.concurrency;
  }
  const s = summarize(ms);
  return [
    {
      name: 'move 10k A→B (job)',
      unit: 'ms',
      ...s,
      bound,
      note: `${calls} calls at concurrency ${concurrency}; ${(s.median / bound).toFixed(2)}× bound (target ≤ 1.3×)`,
    },
  ];
}
