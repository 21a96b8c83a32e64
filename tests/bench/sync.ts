// Full-sync benchmark: our sync against the emulator with injected latency, its lower bound
// (calls × latency ÷ concurrency), and a peer client (node-easywechat, as its docs suggest)
// doing the same work in the same run. The emulator runs in a child process by default (WeChat is
// another machine: its CPU is not the app's), for ours and the peer alike.
// Run: npx tsx tests/bench/sync.ts [followers] [latency] [concurrency] [child|inProcess]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { OfficialAccount } from 'node-easywechat';
import { defaultSettings } from '#contract/settings';
import { DEFAULT_APPID, DEFAULT_SECRET } from '../../electron/emulator';
import { startBenchEmulator, type BenchEmulator, type EmulatorPlace } from './emulator';

// electron-store (the core's settings) imports 'electron'; outside Electron that must not try to
// download a binary. Set before the core is imported (dynamically, below).
process.env['ELECTRON_OVERRIDE_DIST_PATH'] ??= '/nonexistent';

export interface SyncRun {
  ms: number;
  concurrency: number;
  calls: number;
  boundMs: number;
}

const WECHAT_CALLS = [
  '/cgi-bin/user/get',
  '/cgi-bin/user/info/batchget',
  '/cgi-bin/tags/members/getblacklist',
  '/cgi-bin/tags/get',
  '/cgi-bin/stable_token',
];

export async function startLatencyEmulator(
  followers: number,
  latencyMs: number,
  where: EmulatorPlace = 'child',
): Promise<BenchEmulator> {
  const emulator = await startBenchEmulator(where, followers);
  if (latencyMs > 0) await emulator.addLatency(latencyMs);
  return emulator;
}

/** One full sync through the real services (on Node ports); the clock starts at sync:start. */
export async function runOurSync(
  emulator: BenchEmulator,
  latencyMs: number,
  // The app's own default, as a user gets it.
  concurrency = defaultSettings.syncConcurrency,
): Promise<SyncRun> {
  const { createServices } = await import('../../electron/core/services');
  const { createNodePorts } = await import('../../electron/webhost/nodePorts');
  const dataDir = mkdtempSync(join(tmpdir(), 'fg-sync-bench-'));
  const quiet = { info: () => {}, warn: () => {}, error: () => {} };
  const services = await createServices(
    await createNodePorts({ dataDir, log: quiet, wechat: { hosts: [emulator.url] } }),
  );
  const h = services.handlers;
  try {
    await h['settings:set']({ syncConcurrency: concurrency });
    const { id } = await h['accounts:add']({ appId: DEFAULT_APPID, appSecret: DEFAULT_SECRET });
    await emulator.clearCalls();
    const finished = new Promise<void>((resolve) => {
      const off = services.events.subscribe((e) => {
        if (e.name === 'sync:progress' && !e.payload.running) {
          off();
          resolve();
        }
      });
    });
    const t0 = performance.now();
    await h['sync:start']({ accountId: id });
    await finished;
    const ms = performance.now() - t0;
    const status = await h['sync:status']({ accountId: id });
    if (status.lastError) throw new Error(`sync failed: ${status.lastError.code}`);
    let calls = 0;
    for (const path of WECHAT_CALLS) calls += await emulator.countCalls(path);
    return { ms, concurrency, calls, boundMs: (calls * latencyMs) / concurrency };
  } finally {
    await services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The peer: node-easywechat pointed at the emulator through its http.baseURL option, looping
 * user/get then user/info/batchget in chunks of 100, one request at a time, as its docs show.
 */
export async function runPeerSync(emulator: BenchEmulator): Promise<{ ms: number; users: number }> {
  const app = new OfficialAccount({
    app_id: DEFAULT_APPID,
    secret: DEFAULT_SECRET,
    token: 'bench',
    aes_key: '',
    use_stable_access_token: true,
    http: { baseURL: `${emulator.url}/` },
    file_cache: {
      path: mkdtempSync(join(tmpdir(), 'fg-peer-cache-')),
      dirMode: 0o700,
      fileMode: 0o600,
      ext: '.cache',
    },
  });
  const client = app.getClient();
  const t0 = performance.now();
  let users = 0;
  let next = '';
  for (;;) {
    const page = (
      await client.get('/cgi-bin/user/get', { params: next ? { next_openid: next } : {} })
    ).toObject() as {
      count?: number;
      data?: { openid: string[] };
      next_openid?: string;
    };
    const ids = page.data?.openid ?? [];
    if (!page.count || ids.length === 0) break;
    for (let i = 0; i < ids.length; i += 100) {
      const batch = ids.slice(i, i + 100).map((openid) => ({ openid, lang: 'zh_CN' }));
      const r = (await client.postJson('/cgi-bin/user/info/batchget', { user_list: batch })).toObject() as {
        user_info_list?: unknown[];
      };
      users += r.user_info_list?.length ?? 0;
    }
    next = page.next_openid ?? '';
    if (!next) break;
  }
  return { ms: performance.now() - t0, users };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const followers = Number(process.argv[2] ?? 10_000);
  const latency = Number(process.argv[3] ?? 20);
  const concurrency = Number(process.argv[4] ?? defaultSettings.syncConcurrency);
  const where = process.argv[5] === 'inProcess' ? 'inProcess' : 'child';
  const emulator = await startLatencyEmulator(followers, latency, where);
  try {
    const ours = await runOurSync(emulator, latency, concurrency);
    const peer = process.env['SKIP_PEER'] ? null : await runPeerSync(emulator);
    console.log({
      followers,
      latency,
      concurrency,
      emulator: where,
      ours,
      ratioToBound: ours.ms / ours.boundMs,
      peer,
      peerOverOurs: peer ? peer.ms / ours.ms : null,
    });
  } finally {
    await emulator.close();
  }
}
