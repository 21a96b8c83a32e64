import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { createServices } from '../../electron/core/services';
import { createNodePorts } from '../../electron/webhost/nodePorts';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator } from '../../electron/emulator';
import { chromiumArgs, chromiumExecutable } from '../chromium';
import type { BenchResult } from './run';
import { summarize } from './stats';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => {
    const p = join(dir, name);
    const st = statSync(p);
    return sum + (st.isDirectory() ? folderBytes(p) : st.size);
  }, 0);
}

/** Resident memory of a process, from /proc (Linux). */
function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? NaN) * 1024;
}

/** A data folder holding one account with `followers` synced into its cache. */
export async function preparedDataDir(
  wechatBase: string,
  followers: number,
): Promise<{ dataDir: string; accountDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fg-bench-rows-'));
  const services = await createServices(
    await createNodePorts({ dataDir, log: quiet, wechat: { hosts: [wechatBase] } }),
  );
  const add = await services.handlers['accounts:add']({ appId: DEFAULT_APPID, appSecret: DEFAULT_SECRET });
  const done = new Promise<void>((resolve) => {
    services.events.subscribe((e) => {
      if (e.name === 'sync:progress' && !e.payload.running) resolve();
    });
  });
  await services.handlers['sync:start']({ accountId: add.id });
  await done;
  const page = await services.handlers['followers:query']({
    accountId: add.id,
    query: { subscribed: true, sort: { by: 'subscribeTime', dir: 'desc' }, offset: 0, limit: 1 },
  });
  if (page.total < followers * 0.9) throw new Error(`only ${page.total} followers cached`);
  await services.close();
  return { dataDir, accountDir: join(dataDir, 'accounts', add.id) };
}

export function startHost(
  dataDir: string,
  wechatBase: string,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/webhost/cli.ts',
      '--port',
      '0',
      '--data',
      dataDir,
      '--wechat-base',
      wechatBase,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^ready (http\S+)$/m.exec(out);
      if (m?.[1]) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`browser host exited (${code})`)));
  });
}

/**
 * Opening an account with 100 000 cached followers in the browser host: from navigation to the
 * first follower rows on screen; then the host's memory and the cache's size on disk.
 */
export async function benchFirstRows(options: { runs: number }): Promise<BenchResult[]> {
  const followers = 100_000;
  const emulator = await startEmulator({
    port: 0,
    seed: 9,
    apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers }],
  });
  const browser = await chromium.launch({
    args: chromiumArgs,
    ...(chromiumExecutable() ? { executablePath: chromiumExecutable() } : {}),
  });
  try {
    const { dataDir, accountDir } = await preparedDataDir(emulator.url, followers);
    const cacheMiB = folderBytes(accountDir) / 2 ** 20;
    const firstRows: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const host = await startHost(dataDir, emulator.url);
      try {
        const page = await browser.newPage({ locale: 'zh-CN' });
        const t0 = performance.now();
        await page.goto(host.url);
        await page
          .locator('[role="row"][data-openid]')
          .first()
          .waitFor({ state: 'visible', timeout: 30_000 });
        firstRows.push(performance.now() - t0);
        await page.waitForTimeout(500);
        rss.push(rssBytes(host.child.pid as number) / 2 ** 20);
        await page.close();
      } finally {
        host.child.kill('SIGTERM');
        await new Promise((r) => host.child.once('exit', r));
      }
    }
    const coreRss: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const out = execFileSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', 'tests/bench/coreProcess.ts', dataDir, emulator.url],
        { encoding: 'utf8' },
      );
      coreRss.push(Number(out.trim().split('\n').pop()) / 2 ** 20);
    }
    return [
      {
        name: 'core process RSS @100k',
        unit: 'MiB',
        ...summarize(coreRss),
        note: 'target ≤ 300 MB (main process)',
      },
      {
        name: 'first rows @100k (browser host)',
        unit: 'ms',
        ...summarize(firstRows),
        note: 'target ≤ 1000 ms',
      },
      {
        name: 'browser host RSS @100k',
        unit: 'MiB',
        ...summarize(rss),
        note: 'includes Vite (bridge build)',
      },
      { name: 'cache on disk @100k (synced)', unit: 'MiB', ...summarize([cacheMiB]), note: 'target ≤ 60 MB' },
    ];
  } finally {
    await browser.close();
    await emulator.close();
  }
}
