// Full-sync benchmark: our sync against the emulator with injected latency, its lower bound
// (calls × latency ÷ concurrency), and a peer client (node-easywechat, as its docs suggest)
// doing the same work in the same run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { OfficialAccount } from 'node-easywechat';
import { DEFAULT_APPID, DEFAULT_SECRET, startSandbox, type Sandbox } from '../../electron/sandbox';
import { startTestCore } from '../support/coreServices';

export interface SyncRun {
  ms: number;
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

export async function startLatencySandbox(followers: number, latencyMs: number): Promise<Sandbox> {
  const sandbox = await startSandbox({
    port: 0,
    seed: 9,
    apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers }],
  });
  if (latencyMs > 0) sandbox.control.addFault({ kind: 'latency', ms: latencyMs });
  return sandbox;
}

/** One full sync through the real services; the clock starts at sync:start. */
export async function runOurSync(sandbox: Sandbox, latencyMs: number, concurrency = 4): Promise<SyncRun> {
  const core = await startTestCore(sandbox);
  try {
    await core.ok('settings:set', { syncConcurrency: concurrency });
    const { id } = await core.ok('accounts:add', { appId: DEFAULT_APPID, appSecret: DEFAULT_SECRET });
    sandbox.control.clearCalls();
    const finished = new Promise<void>((resolve) => {
      const off = core.services.events.subscribe((e) => {
        if (e.name === 'sync:progress' && !e.payload.running) {
          off();
          resolve();
        }
      });
    });
    const t0 = performance.now();
    await core.ok('sync:start', { accountId: id });
    await finished;
    const ms = performance.now() - t0;
    const status = await core.ok('sync:status', { accountId: id });
    if (status.lastError) throw new Error(`sync failed: ${status.lastError.code}`);
    const calls = WECHAT_CALLS.reduce((n, path) => n + sandbox.control.calls({ path }).length, 0);
    return { ms, calls, boundMs: (calls * latencyMs) / concurrency };
  } finally {
    await core.services.close();
  }
}

/**
 * The peer: node-easywechat pointed at the emulator through its http.baseURL option, looping
 * user/get then user/info/batchget in chunks of 100, one request at a time, as its docs show.
 */
export async function runPeerSync(sandbox: Sandbox): Promise<{ ms: number; users: number }> {
  const app = new OfficialAccount({
    app_id: DEFAULT_APPID,
    secret: DEFAULT_SECRET,
    token: 'bench',
    aes_key: '',
    use_stable_access_token: true,
    http: { baseURL: `${sandbox.url}/` },
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const followers = Number(process.argv[2] ?? 10_000);
  const latency = Number(process.argv[3] ?? 20);
  const sandbox = await startLatencySandbox(followers, latency);
  const ours = await runOurSync(sandbox, latency);
  sandbox.control.clearCalls();
  const peer = await runPeerSync(sandbox);
  const peerHosts = new Set(sandbox.control.calls().map((c) => c.path));
  console.log({
    followers,
    latency,
    ours,
    ratioToBound: ours.ms / ours.boundMs,
    peer,
    oursOverPeer: ours.ms / peer.ms,
    peerPaths: [...peerHosts],
  });
  await sandbox.close();
}
