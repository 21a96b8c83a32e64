// Bulk move benchmark (not a test): the real core moves N followers from tag A to tag B against the
// emulator with a fixed latency on every WeChat call, and the time is compared with the lower
// bound calls × latency ÷ concurrency. Run: npx tsx tests/bench/move.ts [--followers 10000]
// [--latency 20] [--concurrency 2,4,8] [--runs 3]
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

// electron-store (the core's settings) imports 'electron'; outside Electron that must not try to
// download a binary. Set before anything imports it (the imports below are dynamic for that).
process.env['ELECTRON_OVERRIDE_DIST_PATH'] ??= '/nonexistent';

export interface MoveBenchOptions {
  /** Followers moved (default 10 000). */
  followers?: number;
  /** Latency the emulator adds to every call, ms (default 20). */
  latencyMs?: number;
  /** The jobConcurrency setting (default 2, the app's default). */
  concurrency?: number;
}

export interface MoveBenchResult {
  followers: number;
  latencyMs: number;
  concurrency: number;
  /** batchtagging + batchuntagging calls the job made. */
  calls: number;
  /** From jobs:start to the job's final `done` event. */
  ms: number;
  /** calls × latency ÷ concurrency */
  lowerBoundMs: number;
  /** ms ÷ lowerBoundMs */
  ratio: number;
}

export async function runMoveBench(options: MoveBenchOptions = {}): Promise<MoveBenchResult> {
  const followers = options.followers ?? 10_000;
  const latencyMs = options.latencyMs ?? 20;
  const concurrency = options.concurrency ?? 2;
  const { DEFAULT_APPID, DEFAULT_SECRET, startSandbox } = await import('../../electron/sandbox');
  const { addAccount, startJobCore, syncAccount, TAGGING, UNTAGGING } = await import('../support/jobCore');

  const sandbox = await startSandbox({
    port: 0,
    seed: 9,
    apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: followers + 1_000 }],
  });
  const core = await startJobCore(sandbox, {});
  try {
    const accountId = await addAccount(core);
    await core.ok('settings:set', { jobConcurrency: concurrency });
    const state = sandbox.control.state();
    const A = state.createTag('甲组', state.openids().slice(0, followers));
    const B = state.createTag('乙组');
    await syncAccount(core, accountId);

    sandbox.control.addFault({ kind: 'latency', ms: latencyMs });
    sandbox.control.clearCalls();
    const t0 = performance.now();
    const started = await core.ok('jobs:start', {
      accountId,
      kind: 'move',
      selection: { query: { groups: { mode: 'any', ids: [A] } } },
      from: A,
      to: B,
    });
    await new Promise<void>((resolve, reject) => {
      const off = core.services.events.subscribe((e) => {
        if (e.name !== 'job:progress' || e.payload.id !== started.id) return;
        if (e.payload.status === 'done') {
          off();
          resolve();
        } else if (e.payload.status === 'failed' || e.payload.status === 'paused') {
          off();
          reject(new Error(`move bench: job ${e.payload.status} (${JSON.stringify(e.payload.lastError)})`));
        }
      });
    });
    const ms = performance.now() - t0;
    if (state.tagMembers(B).length !== followers || state.tagMembers(A).length !== 0) {
      throw new Error('move bench: the final state is not exact');
    }
    const calls =
      sandbox.control.calls({ path: TAGGING }).length + sandbox.control.calls({ path: UNTAGGING }).length;
    const lowerBoundMs = (calls * latencyMs) / concurrency;
    return { followers, latencyMs, concurrency, calls, ms, lowerBoundMs, ratio: ms / lowerBoundMs };
  } finally {
    await core.services.close();
    await sandbox.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      followers: { type: 'string', default: '10000' },
      latency: { type: 'string', default: '20' },
      concurrency: { type: 'string', default: '2,4,8' },
      runs: { type: 'string', default: '3' },
    },
    strict: true,
  });
  const runs = Math.max(1, Number(values.runs));
  console.log('followers  latency  concurrency  calls   time (median)  lower bound  ratio   runs (ms)');
  for (const concurrency of values.concurrency.split(',').map(Number)) {
    const results: MoveBenchResult[] = [];
    for (let i = 0; i < runs; i++) {
      results.push(
        await runMoveBench({
          followers: Number(values.followers),
          latencyMs: Number(values.latency),
          concurrency,
        }),
      );
    }
    const sorted = [...results].sort((a, b) => a.ms - b.ms);
    const median = sorted[Math.floor(sorted.length / 2)] as MoveBenchResult;
    console.log(
      [
        String(median.followers).padEnd(10),
        `${median.latencyMs} ms`.padEnd(8),
        String(concurrency).padEnd(12),
        String(median.calls).padEnd(7),
        `${(median.ms / 1000).toFixed(2)} s`.padEnd(14),
        `${(median.lowerBoundMs / 1000).toFixed(2)} s`.padEnd(12),
        median.ratio.toFixed(2).padEnd(7),
        results.map((r) => Math.round(r.ms)).join(', '),
      ].join(' '),
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
