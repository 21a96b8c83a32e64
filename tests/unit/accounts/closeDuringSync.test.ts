import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_ID } from '../../../electron/core/accounts/demoEnvironment';
import type { DemoWeChatPort } from '../../../electron/core/ports';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator, type Emulator } from '../../../electron/emulator';
import { expectCacheMatches } from '../../support/compareCache';
import { startTestCore, type TestCore } from '../../support/coreServices';

// Removing, reconfiguring or re-keying an account, or resetting the demo, while its sync runs: the
// sync (and its writer thread, which has cache.sqlite open on a connection of its own) must stop
// before the database closes and the folder goes. On Windows an open file makes the removal fail
// (EBUSY); here the same fault shows as this process still holding the file after it answered.

let emulator: Emulator;
const cores: TestCore[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: 13,
    apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 6_000 }],
  });
});
afterEach(async () => {
  emulator.control.clearFaults();
  await Promise.all(cores.splice(0).map((c) => c.services.close()));
});
afterAll(async () => emulator.close());

/** The demo's WeChat as a host plugs it in, here the test's emulator (so it can be slowed down). */
const demoWeChat: DemoWeChatPort = {
  appId: DEFAULT_APPID,
  secret: DEFAULT_SECRET,
  url: async () => emulator.url,
  reset: async () => emulator.control.reset(),
  close: async () => undefined,
};

/** A core whose account's (or the demo's) sync is running and has stored some followers already. */
async function syncInProgress(
  which: 'account' | 'demo' = 'account',
): Promise<{ core: TestCore; accountId: string; cacheFile: string }> {
  const core = await startTestCore(emulator, which === 'demo' ? { demo: demoWeChat } : {});
  cores.push(core);
  const { id: accountId } =
    which === 'demo'
      ? await core.ok('demo:open', {})
      : await core.ok('accounts:add', { appId: DEFAULT_APPID, appSecret: DEFAULT_SECRET });
  emulator.control.addFault({ path: '/cgi-bin/user/info/batchget', kind: 'latency', ms: 30 });
  const halfway = new Promise<void>((resolve) => {
    const off = core.services.events.subscribe((e) => {
      if (e.name === 'sync:progress' && e.payload.accountId === accountId && e.payload.done >= 1_000) {
        off();
        resolve();
      }
    });
  });
  await core.ok('sync:start', { accountId });
  await halfway;
  const status = await core.ok('sync:status', { accountId });
  expect(status.running).toBe(true);
  return { core, accountId, cacheFile: join(core.dataDir, 'accounts', accountId, 'cache.sqlite') };
}

/** Waits (polling) until the account has fully synced and no sync runs. */
async function syncedToTheEnd(core: TestCore, accountId: string): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 20_000;) {
    const status = await core.ok('sync:status', { accountId });
    if (!status.running && (status.lastSyncedAt !== null || status.lastError)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the sync did not end');
}

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

describe.runIf(process.platform === 'linux')('closing an account while its sync runs', () => {
  it('removing it stops the sync and its writer first: nothing holds the cache, the folder is gone', async () => {
    const { core, accountId, cacheFile } = await syncInProgress();
    expect(openHandlesOn(cacheFile).length).toBeGreaterThan(0);

    await core.ok('accounts:remove', { id: accountId });

    expect(openHandlesOn(cacheFile)).toEqual([]);
    expect(existsSync(join(core.dataDir, 'accounts', accountId))).toBe(false);
    // Nothing carried on against the closed database afterwards.
    await new Promise((r) => setTimeout(r, 200));
    expect(core.log.lines.filter((l) => l.includes('sync stopped'))).toEqual([]);
    expect(openHandlesOn(cacheFile)).toEqual([]);
  });

  it('reconfiguring it stops the sync before the database closes, then the sync carries on to the end', async () => {
    const { core, accountId } = await syncInProgress();
    await core.ok('accounts:configure', { id: accountId, network: { mode: 'direct' } });
    emulator.control.clearFaults();
    await syncedToTheEnd(core, accountId);
    const status = await core.ok('sync:status', { accountId });
    expect(status.lastError).toBeNull();
    // The sync had to resume (it was stopped for the reconfiguration) and got everything.
    await expectCacheMatches(core, emulator, accountId);
    expect(core.log.lines.filter((l) => l.includes('sync stopped'))).toEqual([]);
  });

  it('changing its AppSecret stops the sync before the database closes, then the sync carries on', async () => {
    const { core, accountId } = await syncInProgress();
    await core.ok('accounts:changeSecret', { id: accountId, appSecret: DEFAULT_SECRET });
    emulator.control.clearFaults();
    await syncedToTheEnd(core, accountId);
    expect((await core.ok('sync:status', { accountId })).lastError).toBeNull();
    await expectCacheMatches(core, emulator, accountId);
    expect(core.log.lines.filter((l) => l.includes('sync stopped'))).toEqual([]);
  });

  it('resetting the demo stops its sync before the cache goes, says nothing about it, and the demo syncs again after', async () => {
    const { core, accountId, cacheFile } = await syncInProgress('demo');
    expect(accountId).toBe(DEMO_ACCOUNT_ID);
    expect(openHandlesOn(cacheFile).length).toBeGreaterThan(0);

    const reset = await core.call('demo:reset', {});
    expect(reset).toMatchObject({ ok: true, data: { id: DEMO_ACCOUNT_ID, isDemo: true } });
    // Nothing holds the old cache (not even a deleted one), and nothing carried on against it.
    expect(openHandlesOn(cacheFile)).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    expect(openHandlesOn(cacheFile)).toEqual([]);
    expect(core.log.lines.filter((l) => l.includes('sync stopped'))).toEqual([]);
    expect(await core.ok('sync:status', { accountId })).toMatchObject({
      running: false,
      lastError: null,
      lastSyncedAt: null,
    });

    // The demo works after it: a new sync runs to the end and the cache equals its WeChat.
    emulator.control.clearFaults();
    await core.ok('sync:start', { accountId });
    await syncedToTheEnd(core, accountId);
    expect((await core.ok('sync:status', { accountId })).lastError).toBeNull();
    await expectCacheMatches(core, emulator, accountId);
  });
});
