import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_ID } from '../../../electron/core/accounts/demoEnvironment';
import type { DemoWeChatPort } from '../../../electron/core/ports';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator, type Emulator } from '../../../electron/emulator';
import { expectCacheMatches } from '../../support/compareCache';
import { startTestCore, type TestCore } from '../../support/coreServices';

// Issue 13 item 9: 重置演示数据 while the demo account syncs. The reset deletes the demo's cache
// folder: the sync (and its writer thread, with cache.sqlite open) must stop first, say nothing
// about it, and the demo must work afterwards. The demo's WeChat here is an emulator the test can
// slow down, plugged in through the same port the hosts use.

let emulator: Emulator;
let core: TestCore | null = null;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: 20260105,
    apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, kind: 'service', followers: 6_000 }],
  });
});
afterEach(async () => {
  emulator.control.clearFaults();
  await core?.services.close();
  core = null;
});
afterAll(async () => emulator.close());

const demoWeChat: DemoWeChatPort = {
  appId: DEFAULT_APPID,
  secret: DEFAULT_SECRET,
  url: async () => emulator.url,
  reset: async () => emulator.control.reset(),
  close: async () => undefined,
};

/** Files of this process (every thread) open on the cache database or its WAL, deleted or not. */
function openHandlesOn(cacheFile: string): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      return target.startsWith(cacheFile) ? [target] : [];
    } catch {
      return [];
    }
  });
}

async function syncedToTheEnd(running: TestCore, accountId: string): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 20_000;) {
    const status = await running.ok('sync:status', { accountId });
    if (!status.running && (status.lastSyncedAt !== null || status.lastError)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the sync did not end');
}

describe.runIf(process.platform === 'linux')('resetting the demo while its sync runs', () => {
  it('stops the sync before the cache goes, says nothing about it, and the demo syncs again after', async () => {
    core = await startTestCore(emulator, { demo: demoWeChat });
    const running = core;
    const accountId = (await running.ok('demo:open', {})).id;
    expect(accountId).toBe(DEMO_ACCOUNT_ID);
    emulator.control.addFault({ path: '/cgi-bin/user/info/batchget', kind: 'latency', ms: 30 });
    const halfway = new Promise<void>((resolve) => {
      const off = running.services.events.subscribe((e) => {
        if (e.name === 'sync:progress' && e.payload.accountId === accountId && e.payload.done >= 1_000) {
          off();
          resolve();
        }
      });
    });
    await running.ok('sync:start', { accountId });
    await halfway;
    expect((await running.ok('sync:status', { accountId })).running).toBe(true);
    const cacheFile = join(running.dataDir, 'accounts', accountId, 'cache.sqlite');
    expect(openHandlesOn(cacheFile).length).toBeGreaterThan(0);

    const reset = await running.call('demo:reset', {});
    expect(reset).toMatchObject({ ok: true, data: { id: DEMO_ACCOUNT_ID, isDemo: true } });
    // Nothing holds the old cache (not even a deleted one), and nothing carried on against it.
    expect(openHandlesOn(cacheFile)).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    expect(openHandlesOn(cacheFile)).toEqual([]);
    expect(running.log.lines.filter((l) => l.includes('sync stopped'))).toEqual([]);
    expect(await running.ok('sync:status', { accountId })).toMatchObject({
      running: false,
      lastError: null,
      lastSyncedAt: null,
    });

    // The demo works after it: a new sync runs to the end and the cache equals its WeChat.
    emulator.control.clearFaults();
    await running.ok('sync:start', { accountId });
    await syncedToTheEnd(running, accountId);
    expect((await running.ok('sync:status', { accountId })).lastError).toBeNull();
    await expectCacheMatches(running, emulator, accountId);
  });
});
