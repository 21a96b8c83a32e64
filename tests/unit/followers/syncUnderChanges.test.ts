// Sync under the real user/get (doc §4.1): a stable order that is not subscription order, new
// followers landing anywhere in it, and the list changing while it is paged. 100 000 followers,
// changes made by the emulator's control half-way through the id pages.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '#contract/events';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator, type Emulator } from '../../../electron/emulator';
import { startTestCore, type TestCore } from '../../support/coreServices';
import { allCached, expectCacheMatches } from '../../support/compareCache';

const USER_GET = '/cgi-bin/user/get';
let emulator: Emulator;
const cores: TestCore[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: 14,
    apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 100_000 }],
  });
});
afterEach(async () => {
  emulator.control.clearFaults();
  await Promise.all(cores.splice(0).map((c) => c.services.close()));
});
afterAll(async () => emulator.close());

async function coreWithAccount(): Promise<{ core: TestCore; accountId: string }> {
  const core = await startTestCore(emulator);
  cores.push(core);
  const account = await core.ok('accounts:add', { appId: DEFAULT_APPID, appSecret: DEFAULT_SECRET });
  return { core, accountId: account.id };
}

async function syncToEnd(core: TestCore, accountId: string): Promise<EventPayload<'sync:progress'>> {
  const done = new Promise<EventPayload<'sync:progress'>>((resolve) => {
    const off = core.services.events.subscribe((e) => {
      if (e.name === 'sync:progress' && !e.payload.running && e.payload.accountId === accountId) {
        off();
        resolve(e.payload);
      }
    });
  });
  await core.ok('sync:start', { accountId });
  return done;
}

/** Runs `change` once WeChat has answered `pages` id pages of the sync that starts next. */
function afterIdPages(pages: number, change: () => void): () => void {
  const already = emulator.control.calls({ path: USER_GET }).length;
  const timer = setInterval(() => {
    if (emulator.control.calls({ path: USER_GET }).length - already < pages) return;
    clearInterval(timer);
    change();
  }, 1);
  return () => clearInterval(timer);
}

/** Followers in user/get order, split at the cursor after `pages` pages of 10 000. */
function splitAtPage(pages: number): { before: string[]; after: string[] } {
  const all = emulator.control.state().openids();
  return { before: all.slice(0, pages * 10_000), after: all.slice(pages * 10_000) };
}

async function syncedJobCount(core: TestCore, accountId: string): Promise<number> {
  const { jobs } = await core.ok('jobs:list', { accountId });
  const sync = jobs.find((j) => j.kind === 'sync');
  return sync?.succeeded ?? -1;
}

describe('a sync while followers come and go', () => {
  it('loses no newcomer, counts nobody twice and marks who left unfollowed (100 000, changes mid-list)', async () => {
    emulator.control.reset();
    const { core, accountId } = await coreWithAccount();
    await syncToEnd(core, accountId);
    await expectCacheMatches(core, emulator, accountId);

    // Half-way through the second sync's id pages: 800 new followers (landing anywhere, so
    // before the cursor too), and 300 leave from both sides of the cursor.
    const { before, after } = splitAtPage(3);
    const leaving = [...before.filter((_, k) => k % 200 === 0), ...after.filter((_, k) => k % 700 === 0)];
    let joined: string[] = [];
    const stop = afterIdPages(3, () => {
      joined = emulator.control.state().follow(800);
      emulator.control.state().unfollow(leaving);
    });
    const status = await syncToEnd(core, accountId);
    stop();
    expect(status.lastError).toBeNull();
    expect(joined).toHaveLength(800);
    // Some of the newcomers did land before the cursor: a single pass would have missed them.
    const order = emulator.control.state().openids();
    const cursor = order.indexOf(before[before.length - 1] as string);
    expect(joined.filter((o) => order.indexOf(o) <= cursor).length).toBeGreaterThan(0);

    await expectCacheMatches(core, emulator, accountId);
    const gone = new Set((await allCached(core, accountId, false)).map((r) => r.openid));
    for (const o of leaving) expect(gone.has(o), o).toBe(true);
    // The sync's count is the number of followers, not the ids it happened to page through.
    expect(await syncedJobCount(core, accountId)).toBe(emulator.control.state().followerCount());
  }, 180_000);

  it('on a first sync too: newcomers before the cursor are fetched, leavers already fetched are not kept', async () => {
    emulator.control.reset();
    const { core, accountId } = await coreWithAccount();
    const { before } = splitAtPage(2);
    // Already fetched by the time they leave.
    const leaving = before.filter((_, k) => k % 100 === 0);
    let joined: string[] = [];
    const stop = afterIdPages(4, () => {
      joined = emulator.control.state().follow(1_000);
      emulator.control.state().unfollow(leaving);
    });
    const status = await syncToEnd(core, accountId);
    stop();
    expect(status.lastError).toBeNull();
    await expectCacheMatches(core, emulator, accountId);
    const cached = new Set((await allCached(core, accountId)).map((r) => r.openid));
    for (const o of joined) expect(cached.has(o), o).toBe(true);
    for (const o of leaving) expect(cached.has(o), o).toBe(false);
    expect(await syncedJobCount(core, accountId)).toBe(emulator.control.state().followerCount());
  }, 180_000);
});
