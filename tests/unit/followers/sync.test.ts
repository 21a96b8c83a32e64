import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '#contract/events';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator, type Emulator } from '../../../electron/emulator';
import { startTestCore, type TestCore } from '../../support/coreServices';
import { allCached, expectCacheMatches } from '../../support/compareCache';

let emulator: Emulator;
const cores: TestCore[] = [];

async function coreWithAccount(): Promise<{ core: TestCore; accountId: string }> {
  const core = await startTestCore(emulator);
  cores.push(core);
  const account = await core.ok('accounts:add', { appId: DEFAULT_APPID, appSecret: DEFAULT_SECRET });
  return { core, accountId: account.id };
}

async function syncToEnd(core: TestCore, accountId: string) {
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

/** Starts a sync (details slowed down), and closes the services once `done` followers are in. */
async function syncKilledAfter(done: number): Promise<{ core: TestCore; accountId: string }> {
  const { core, accountId } = await coreWithAccount();
  emulator.control.addFault({ path: '/cgi-bin/user/info/batchget', kind: 'latency', ms: 2 });
  await core.ok('sync:start', { accountId });
  await new Promise<void>((resolve) => {
    const off = core.services.events.subscribe((e) => {
      if (e.name === 'sync:progress' && e.payload.done >= done) {
        off();
        resolve();
      }
    });
  });
  await core.services.close();
  cores.splice(cores.indexOf(core), 1);
  return { core, accountId };
}

/** Waits (polling) until the account has synced and no sync runs. */
async function syncedAgain(core: TestCore, accountId: string) {
  for (const started = Date.now(); Date.now() - started < 20_000;) {
    const status = await core.ok('sync:status', { accountId });
    if (!status.running && (status.lastSyncedAt !== null || status.lastError)) return status;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the sync did not end');
}

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: 11,
    apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 20_000 }],
  });
});
afterEach(async () => {
  emulator.control.clearFaults();
  await Promise.all(cores.splice(0).map((c) => c.services.close()));
});
afterAll(async () => emulator.close());

describe('sync', () => {
  it('copies 20 000 followers exactly, with tags, remarks and the blacklist', async () => {
    emulator.control.clearCalls();
    const { core, accountId } = await coreWithAccount();
    const status = await syncToEnd(core, accountId);
    expect(status).toMatchObject({ phase: 'idle', lastError: null, resumable: false });
    expect(status.lastSyncedAt).not.toBeNull();
    await expectCacheMatches(core, emulator, accountId);
    // Pages of 10 000 ids (plus the empty page that ends the list), listed twice because the list
    // may change while it is paged (doc §4.1), and batches of 100, no more.
    expect(emulator.control.calls({ path: '/cgi-bin/user/get' }).length).toBeLessThanOrEqual(6);
    for (const c of emulator.control.calls({ path: '/cgi-bin/user/info/batchget' }))
      expect(c.errcode).toBe(0);
    const expectedBatches = Math.ceil(
      emulator.control.state().openids({ subscribedOnly: true }).length / 100,
    );
    expect(emulator.control.calls({ path: '/cgi-bin/user/info/batchget' }).length).toBeLessThanOrEqual(
      expectedBatches + 2,
    );
  });

  it('matches again after 500 unfollow and 300 new follow', async () => {
    const { core, accountId } = await coreWithAccount();
    await syncToEnd(core, accountId);
    const state = emulator.control.state();
    const leaving = state.openids({ subscribedOnly: true }).slice(100, 600);
    state.unfollow(leaving);
    const joined = state.follow(300);
    const status = await syncToEnd(core, accountId);
    expect(status.lastError).toBeNull();
    await expectCacheMatches(core, emulator, accountId);
    const left = await allCached(core, accountId, false);
    expect(left.map((r) => r.openid)).toEqual(expect.arrayContaining(leaving));
    const one = await core.ok('followers:get', { accountId, openid: joined[0] as string });
    expect(one.subscribed).toBe(true);
  });

  it('resumes a sync killed half-way, without fetching again what it has and without duplicates', async () => {
    // Stopped part-way through the second id page.
    const { core, accountId } = await syncKilledAfter(12_000);

    // The same data folder, reopened: the sync carries on from its checkpoint by itself.
    emulator.control.clearCalls();
    const again = await startTestCore(emulator, {}, core);
    cores.push(again);
    const status = await syncedAgain(again, accountId);
    expect(status.lastError).toBeNull();
    // Only the second page's ids were listed again (then the whole list once more, ids only).
    expect(emulator.control.calls({ path: '/cgi-bin/user/get' }).length).toBeLessThanOrEqual(2 + 3);
    await expectCacheMatches(again, emulator, accountId);
  });
});

describe('restart', () => {
  it('carries on with an interrupted sync by itself when the app starts again', async () => {
    // Stopped on the first id page, before any page was complete.
    const { core, accountId } = await syncKilledAfter(5_000);

    // Reopened, and nobody asks for a sync: it finishes anyway.
    const again = await startTestCore(emulator, {}, core);
    cores.push(again);
    const finished = new Promise<EventPayload<'sync:progress'>>((resolve) => {
      again.services.events.subscribe((e) => {
        if (e.name === 'sync:progress' && !e.payload.running) resolve(e.payload);
      });
    });
    expect((await finished).lastError).toBeNull();
    await expectCacheMatches(again, emulator, accountId);
  });
});

describe('quota', () => {
  it('stops on the daily user/get quota (45009), says so, and resumes from its checkpoint later', async () => {
    const { core, accountId } = await coreWithAccount();
    // The id list is refused for today's quota (the next call that asks for it).
    emulator.control.addFault({ path: '/cgi-bin/user/get', kind: 'errcode', errcode: 45009, count: 1 });
    emulator.control.clearCalls();
    await core.ok('sync:start', { accountId });
    const stopped = await new Promise<EventPayload<'sync:progress'>>((resolve) => {
      const off = core.services.events.subscribe((e) => {
        if (e.name === 'sync:progress' && !e.payload.running) {
          off();
          resolve(e.payload);
        }
      });
    });
    expect(stopped.lastError).toMatchObject({ code: 'QUOTA_DAILY', wechat: { errcode: 45009 } });
    // 45009 is never retried.
    expect(emulator.control.calls({ path: '/cgi-bin/user/get' })).toHaveLength(1);
    expect((await core.ok('sync:status', { accountId })).lastSyncedAt).toBeNull();

    const status = await syncToEnd(core, accountId);
    expect(status.lastError).toBeNull();
    await expectCacheMatches(core, emulator, accountId);
  });
});

describe('offline', () => {
  it('answers lists from the cache, with the last-synced time, when WeChat cannot be reached', async () => {
    const { core, accountId } = await coreWithAccount();
    const synced = await syncToEnd(core, accountId);
    const offline = new Promise<EventPayload<'net:status'>>((resolve) => {
      core.services.events.subscribe((e) => {
        if (e.name === 'net:status' && !e.payload.online) resolve(e.payload);
      });
    });
    for (const host of ['api', 'api2', 'sh.api', 'sz.api', 'hk.api']) {
      emulator.control.addFault({ kind: 'hostDown', host: `${host}.weixin.qq.com` });
    }
    const groups = await core.ok('groups:list', { accountId });
    expect(groups.groups.length).toBeGreaterThan(3);
    expect(groups.lastSyncedAt).toBe(synced.lastSyncedAt);
    const page = await core.ok('followers:query', { accountId, query: { limit: 10 } });
    expect(page.rows).toHaveLength(10);
    expect(page.lastSyncedAt).toBe(synced.lastSyncedAt);
    expect((await offline).online).toBe(false);
    expect(await core.ok('net:get', { accountId })).toMatchObject({ online: false });

    // WeChat is back: the next call that gets an answer says so.
    const online = new Promise<EventPayload<'net:status'>>((resolve) => {
      core.services.events.subscribe((e) => {
        if (e.name === 'net:status' && e.payload.online) resolve(e.payload);
      });
    });
    emulator.control.clearFaults();
    await core.ok('sync:start', { accountId });
    expect((await online).online).toBe(true);
    expect(await core.ok('net:get', { accountId })).toMatchObject({ online: true });
  });
});

describe('a damaged cache', () => {
  it('is moved aside; the app keeps working and asks for a full sync', async () => {
    const { core, accountId } = await coreWithAccount();
    await syncToEnd(core, accountId);
    await core.services.close();
    cores.splice(cores.indexOf(core), 1);
    writeFileSync(
      join(core.dataDir, 'accounts', accountId, 'cache.sqlite'),
      'this is not a database'.repeat(500),
    );

    const again = await startTestCore(emulator, {}, core);
    cores.push(again);
    const status = await again.ok('sync:status', { accountId });
    expect(status).toMatchObject({ needsFullSync: true, lastSyncedAt: null });
    const page = await again.ok('followers:query', { accountId, query: {} });
    expect(page.total).toBe(0);
    await syncToEnd(again, accountId);
    await expectCacheMatches(again, emulator, accountId);
  });
});
