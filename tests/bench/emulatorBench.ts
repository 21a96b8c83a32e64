// Emulator benchmark (not a test): start-up time at 100k and 1M followers, RSS at 1M, and
// requests/s for user/info/batchget and tags/members/batchtagging at 100k followers with
// keep-alive clients (undici Pool). The emulator runs in a child process so that RSS and CPU are
// its own. Run: npx tsx tests/bench/emulatorBench.ts [--seconds 5] [--connections 32]

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator } from '../../electron/emulator/index';

const { values } = parseArgs({
  options: {
    child: { type: 'string' },
    followers: { type: 'string' },
    seconds: { type: 'string' },
    connections: { type: 'string' },
  },
});

/** Child modes: 'startup' measures and exits; 'serve' serves until killed. */
async function child(mode: string, followers: number): Promise<void> {
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const sb = await startEmulator({ apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers }] });
  const startupMs = performance.now() - t0;
  const rss = process.memoryUsage().rss;
  // Then touch the data the way a sync would: every user/get page, over HTTP (this process is
  // also the client here, so the figure is an upper bound).
  let rssAfterSync = 0;
  let listed = 0;
  if (mode === 'startup') {
    const tokenRes = await fetch(
      `${sb.url}/cgi-bin/token?grant_type=client_credential&appid=${DEFAULT_APPID}&secret=${DEFAULT_SECRET}`,
    );
    const { access_token: token } = (await tokenRes.json()) as { access_token: string };
    let next = '';
    for (;;) {
      const page = (await (
        await fetch(`${sb.url}/cgi-bin/user/get?access_token=${token}&next_openid=${next}`)
      ).json()) as { count: number; next_openid: string };
      if (page.count === 0) break;
      listed += page.count;
      next = page.next_openid;
    }
    rssAfterSync = process.memoryUsage().rss;
  }
  console.log(JSON.stringify({ startupMs, rss, rssBefore, rssAfterSync, listed, url: sb.url }));
  if (mode === 'startup') {
    await sb.close();
    return;
  }
  process.on('SIGTERM', () => void sb.close().then(() => process.exit(0)));
}

/** CPU time (user + system) of a process so far, from /proc (Linux); NaN elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

function spawnChild(
  mode: string,
  followers: number,
): Promise<{ info: Record<string, number | string>; cpuSeconds: () => number; stop: () => Promise<void> }> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/bench/emulatorBench.ts', '--child', mode, '--followers', String(followers)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout });
    lines.once('line', (line) => {
      resolve({
        info: JSON.parse(line) as Record<string, number | string>,
        cpuSeconds: () => cpuSeconds(proc.pid),
        stop: async () => {
          proc.kill('SIGTERM');
          await exited;
        },
      });
    });
    proc.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
  });
}

const ERRCODE_HEAD = Buffer.from('{"errcode"');
const OK_HEAD = Buffer.from('{"errcode":0,');

/** A success answer: data without errcode, or errcode 0. */
function ok(head: Buffer | undefined): boolean {
  if (!head) return false;
  return (
    !head.subarray(0, ERRCODE_HEAD.length).equals(ERRCODE_HEAD) ||
    head.subarray(0, OK_HEAD.length).equals(OK_HEAD)
  );
}

interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
}

async function load(
  pool: Pool,
  seconds: number,
  connections: number,
  make: (k: number) => { path: string; body: string },
): Promise<LoadResult> {
  let requests = 0;
  let errors = 0;
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  let k = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const { path, body } = make(k++);
      const t = performance.now();
      const res = await pool.request({
        path,
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });
      // Only the head of the body is inspected (and nothing is decoded): parsing 30 kB of JSON
      // per batchget answer would make this client, not the emulator, the bottleneck on 2 cores.
      let head: Buffer | undefined;
      for await (const chunk of res.body) head ??= chunk as Buffer;
      latencies.push(performance.now() - t);
      requests++;
      if (res.statusCode !== 200 || !ok(head)) errors++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests,
    errors,
    seconds: elapsed,
    p50: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
  };
}

async function main(): Promise<void> {
  const seconds = Number(values.seconds ?? 5);
  const connections = Number(values.connections ?? 32);
  const mb = (n: number | string) => `${(Number(n) / 1024 / 1024).toFixed(0)} MB`;
  const rows: [string, string][] = [];

  for (const n of [100_000, 1_000_000]) {
    const { info, stop } = await spawnChild('startup', n);
    await stop();
    rows.push([`start-up, ${n.toLocaleString('en')} followers`, `${Number(info.startupMs).toFixed(0)} ms`]);
    rows.push([
      `RSS after start-up, ${n.toLocaleString('en')} followers`,
      `${mb(info.rss)} (empty process ${mb(info.rssBefore)})`,
    ]);
    rows.push([
      `RSS after a full user/get walk, ${n.toLocaleString('en')} followers`,
      `${mb(info.rssAfterSync)} (${Number(info.listed).toLocaleString('en')} openids listed)`,
    ]);
  }

  const server = await spawnChild('serve', 100_000);
  const url = String(server.info.url);
  try {
    const tokenRes = await fetch(
      `${url}/cgi-bin/token?grant_type=client_credential&appid=${DEFAULT_APPID}&secret=${DEFAULT_SECRET}`,
    );
    const { access_token: token } = (await tokenRes.json()) as { access_token: string };
    const openids = ((await (await fetch(`${url}/__emulator/openids`)).json()) as { openids: string[] })
      .openids;
    const pool = new Pool(url, { connections, pipelining: 1 });
    const pick = (k: number, size: number): string[] => {
      const start = (k * 7919) % (openids.length - size);
      return openids.slice(start, start + size);
    };
    // Request bodies are prepared up front so the client spends its CPU on HTTP only.
    const getBodies = Array.from({ length: 512 }, (_, k) =>
      JSON.stringify({ user_list: pick(k, 100).map((openid) => ({ openid, lang: 'zh_CN' })) }),
    );
    const tagBodies = Array.from({ length: 512 }, (_, k) =>
      JSON.stringify({ openid_list: pick(k, 50), tagid: 101 }),
    );
    // Warm up the JIT on both paths.
    await load(pool, 1, connections, (k) => ({
      path: `/cgi-bin/user/info/batchget?access_token=${token}`,
      body: getBodies[k % getBodies.length],
    }));
    const cpu0 = server.cpuSeconds();
    const batchget = await load(pool, seconds, connections, (k) => ({
      path: `/cgi-bin/user/info/batchget?access_token=${token}`,
      body: getBodies[k % getBodies.length],
    }));
    const cpu1 = server.cpuSeconds();
    const tagging = await load(pool, seconds, connections, (k) => ({
      path: `/cgi-bin/tags/members/${k % 2 === 0 ? 'batchtagging' : 'batchuntagging'}?access_token=${token}`,
      body: tagBodies[(k >> 1) % tagBodies.length],
    }));
    const cpu2 = server.cpuSeconds();
    await pool.close();
    for (const [name, r, cpu] of [
      ['batchget (100 users)', batchget, cpu1 - cpu0],
      ['batchtagging/untagging (50 openids)', tagging, cpu2 - cpu1],
    ] as const) {
      rows.push([
        `${name}, 100,000 followers, ${connections} connections`,
        `${(r.requests / r.seconds).toFixed(0)} req/s (p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ` +
          `${r.errors} errors, emulator CPU ${((cpu / r.seconds) * 100).toFixed(0)}%, ` +
          `${((cpu / r.requests) * 1e6).toFixed(0)} µs CPU per request)`,
      ]);
    }
  } finally {
    await server.stop();
  }

  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\nWeChat API emulator benchmark (Node ${process.version}, ${seconds} s per load run)\n`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

if (values.child) await child(values.child, Number(values.followers ?? 100_000));
else await main();
