import type { BenchResult } from './run';
import { summarize } from './stats';
import { runOurSync, runPeerSync, startLatencyEmulator } from './sync';

/** Full sync of 10 000 and 100 000 followers: ours, its lower bound, and the peer in the same run. */
export async function benchSync(options: { latency: number; runs: number }): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const followers of [10_000, 100_000]) {
    const emulator = await startLatencyEmulator(followers, options.latency);
    try {
      const ours: number[] = [];
      const peer: number[] = [];
      let calls = 0;
      let concurrency = 0;
      let bound = 0;
      for (let i = 0; i < options.runs; i++) {
        const run = await runOurSync(emulator, options.latency);
        ours.push(run.ms);
        calls = run.calls;
        concurrency = run.concurrency;
        bound = run.boundMs;
        peer.push((await runPeerSync(emulator)).ms);
      }
      const o = summarize(ours);
      const p = summarize(peer);
      out.push({
        name: `sync ${followers / 1000}k`,
        unit: 'ms',
        ...o,
        bound,
        peer: p.median,
        note: `${calls} calls at concurrency ${concurrency}; ${(o.median / bound).toFixed(2)}× bound; ${(p.median / o.median).toFixed(1)}× faster than peer`,
      });
      out.push({ name: `peer sync ${followers / 1000}k (node-easywechat)`, unit: 'ms', ...p });
    } finally {
      await emulator.close();
    }
  }
  return out;
}
