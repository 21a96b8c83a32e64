// Bulk move benchmark (not a test): the real core moves N followers from tag A to tag B as a job
// against the emulator with a fixed latency on every WeChat call, and the time is compared with the
// lower bound calls × latency ÷ concurrency. By default the emulator runs in a child process, as
// WeChat is another machine for the app: the core's process does only the app's own work.
// Run: npx tsx tests/bench/move.ts [--followers 10000] [--latency 20] [--concurrency 2,4,8]
//      [--runs 3] [--emulator child|inProcess]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { ChannelName, ChannelOutput, ChannelRequest } from '#contract/channels';
import type { JobSummary } from '#contract/jobs';
import { startBenchEmulator } from './emulator';

// electron-store (the core's settings) imports 'electron'; outside Electron that must not try to
// download a binary. Set before anything imports it (the core is imported dynamically for that).
process.env['ELECTRON_OVERRIDE_DIST_PATH'] ??= '/nonexistent';

export interface MoveBenchOptions {
  /** Followers moved (default 10 000). */
  followers?: number;
  /** Latency the emulator adds to every call, ms (default 20). */
  latencyMs?: number;
  /** The jobConcurrency setting (default 2, the app's default). */
  concurrency?: number;
  /** Where the emulator runs (default 'child': its CPU is not the app's). */
  emulator?: 'child' | 'inProcess';
}

export interface MoveBenchResult {
  followers: number;
  latencyMs: number;
  concurrency: number;
  emulator: 'child' | 'inProcess';
  /** batchtagging + batchuntagging calls the job made. */
  calls: number;
  /** From jobs:start to the job's final `done` event. */
  ms: number;
  /** calls × latency ÷ concurrency */
  lowerBoundMs: number;
  /** ms ÷ lowerBoundMs */
  ratio: number;
  /**
   * The same calls (the move back, B→A) from a bare WeChat client in as many parallel chains, with
   * no job, database or events: what the transport and the emulator's latency cost on this machine.
   */
  floorMs: number;
}

const TAGGING = '/cgi-bin/tags/members/batchtagging';
const UNTAGGING = '/cgi-bin/tags/members/batchuntagging';

export async function runMoveBench(options: MoveBenchOptions = {}): Promise<MoveBenchResult> {
  const followers = options.followers ?? 10_000;
  const latencyMs = options.latencyMs ?? 20;
  const concurrency = options.concurrency ?? 2;
  const where = options.emulator ?? 'child';
  const { DEFAULT_APPID, DEFAULT_SECRET } = await import('../../electron/emulator');
  const { createServices } = await import('../../electron/core/services');
  const { dispatch } = await import('../../electron/core/transport');
  const { createNodePorts } = await import('../../electron/webhost/nodePorts');

  const emulator = await startBenchEmulator(where, followers + 1_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'fg-move-bench-'));
  const quiet = { info: () => {}, warn: () => {}, error: () => {} };
  const services = await createServices(
    await createNodePorts({ dataDir, log: quiet, wechat: { hosts: [emulator.url] } }),
  );
  const ok = async <C extends ChannelName>(
    channel: C,
    input: ChannelRequest<C>,
  ): Promise<ChannelOutput<C>> => {
    const r = await dispatch(services.handlers, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.data as ChannelOutput<C>;
  };
  const finished = (id: string) =>
    new Promise<JobSummary>((resolve) => {
      const off = services.events.subscribe((e) => {
        if (e.name !== 'job:progress' || e.payload.id !== id) return;
        if (e.payload.status === 'done' || e.payload.status === 'failed' || e.payload.status === 'paused') {
          off();
          resolve(e.payload);
        }
      });
    });
  try {
    const accountId = (await ok('accounts:add', { appId: DEFAULT_APPID, appSecret: DEFAULT_SECRET })).id;
    const synced = new Promise<void>((resolve) => {
      const off = services.events.subscribe((e) => {
        if (e.name === 'sync:progress' && !e.payload.running) {
          off();
          resolve();
        }
      });
    });
    await ok('sync:start', { accountId });
    await synced;
    // Tag A is filled through the app itself (the emulator's control has no tag set-up).
    const A = (await ok('groups:create', { accountId, name: '甲组' })).id;
    const B = (await ok('groups:create', { accountId, name: '乙组' })).id;
    const moved = (await emulator.openids()).slice(0, followers);
    const fill = await ok('jobs:start', { accountId, kind: 'add', selection: { openids: moved }, to: A });
    await finished(fill.id);
    await ok('settings:set', { jobConcurrency: concurrency });

    await emulator.addLatency(latencyMs);
    await emulator.clearCalls();
    const t0 = performance.now();
    const started = await ok('jobs:start', {
      accountId,
      kind: 'move',
      selection: { query: { groups: { mode: 'any', ids: [A] } } },
      from: A,
      to: B,
    });
    const end = await finished(started.id);
    const ms = performance.now() - t0;
    if (end.status !== 'done')
      throw new Error(`move bench: job ${end.status} (${JSON.stringify(end.lastError)})`);
    if ((await emulator.tagMembers(B)).length !== followers || (await emulator.tagMembers(A)).length !== 0) {
      throw new Error('move bench: the final state is not exact');
    }
    const calls = (await emulator.countCalls(TAGGING)) + (await emulator.countCalls(UNTAGGING));
    const lowerBoundMs = (calls * latencyMs) / concurrency;
    const floorMs = await bareClientFloor(emulator.url, moved, B, A, concurrency);
    return {
      followers,
      latencyMs,
      concurrency,
      emulator: where,
      calls,
      ms,
      lowerBoundMs,
      ratio: ms / lowerBoundMs,
      floorMs,
    };
  } finally {
    await services.close();
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Moves `openids` from tag `from` to `to` with a bare client: chunks of 50, tag then untag. */
async function bareClientFloor(
  url: string,
  openids: readonly string[],
  from: number,
  to: number,
  concurrency: number,
): Promise<number> {
  const { DEFAULT_APPID, DEFAULT_SECRET } = await import('../../electron/emulator');
  const { WeChatClient } = await import('../../electron/core/wechat/client');
  const { batchTag, batchUntag } = await import('../../electron/core/wechat/api/tags');
  const { chunk, forEachConcurrently } = await import('../../electron/core/concurrency');
  const client = new WeChatClient({ appId: DEFAULT_APPID, secret: async () => DEFAULT_SECRET, hosts: [url] });
  try {
    await client.token();
    const t0 = performance.now();
    await forEachConcurrently(chunk(openids, 50), concurrency, async (part) => {
      await batchTag(client, to, part);
      await batchUntag(client, from, part);
    });
    return performance.now() - t0;
  } finally {
    await client.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      followers: { type: 'string', default: '10000' },
      latency: { type: 'string', default: '20' },
      concurrency: { type: 'string', default: '2,4,8' },
      runs: { type: 'string', default: '3' },
      emulator: { type: 'string', default: 'child' },
    },
    strict: true,
  });
  const runs = Math.max(1, Number(values.runs));
  const emulator = values.emulator === 'inProcess' ? 'inProcess' : 'child';
  console.log(`emulator: ${emulator}`);
  console.log(
    'followers  latency  concurrency  calls   time (median)  lower bound  ratio   bare client  ratio   runs (ms)',
  );
  for (const concurrency of values.concurrency.split(',').map(Number)) {
    const results: MoveBenchResult[] = [];
    for (let i = 0; i < runs; i++) {
      const options = { followers: Number(values.followers), latencyMs: Number(values.latency), concurrency };
      results.push(await runMoveBench({ ...options, emulator }));
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
        `${(median.floorMs / 1000).toFixed(2)} s`.padEnd(12),
        (median.ms / median.floorMs).toFixed(2).padEnd(7),
        results.map((r) => Math.round(r.ms)).join(', '),
      ].join(' '),
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
