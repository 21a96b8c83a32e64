import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator, type Emulator } from '../../../electron/emulator';
import { startTestCore, type TestCore } from '../../support/coreServices';

const SUBSCRIPTION = { appid: 'wx00000000000000cc', secret: 'c'.repeat(32) };
let emulator: Emulator;
let core: TestCore;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: 31,
    apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 200 }],
  });
  emulator.control.addApp({ ...SUBSCRIPTION, kind: 'subscription', followers: 50 });
});
afterAll(async () => emulator.close());
afterEach(async () => core.services.close());

async function synced(appid: string, secret: string, now?: () => number) {
  core = await startTestCore(emulator, now ? { now } : {});
  const { id } = await core.ok('accounts:add', { appId: appid, appSecret: secret });
  await core.ok('sync:start', { accountId: id });
  await new Promise<void>((resolve) => {
    const off = core.services.events.subscribe((e) => {
      if (e.name === 'sync:progress' && !e.payload.running) {
        off();
        resolve();
      }
    });
  });
  const page = await core.ok('followers:query', { accountId: id, query: { limit: 5 } });
  return { accountId: id, openids: page.rows.map((r) => r.openid) };
}

describe('remarks', () => {
  it('sets a remark on WeChat and in the cache, and learns that remarks work', async () => {
    const { accountId, openids } = await synced(DEFAULT_APPID, DEFAULT_SECRET);
    const openid = openids[0] as string;
    const row = await core.ok('followers:setRemark', { accountId, openid, remark: '  王阿姨  ' });
    expect(row.remark).toBe('王阿姨');
    expect(emulator.control.state().follower(openid)?.remark).toBe('王阿姨');
    const list = await core.ok('accounts:list', {});
    expect(list.accounts[0]?.capabilities.remarks).toBe('yes');
  });

  it('checks the 30-byte rule before calling WeChat (about 10 Chinese characters)', async () => {
    const { accountId, openids } = await synced(DEFAULT_APPID, DEFAULT_SECRET);
    emulator.control.clearCalls();
    const tooLong = await core.call('followers:setRemark', {
      accountId,
      openid: openids[0] as string,
      remark: '一二三四五六七八九十',
    });
    expect(tooLong).toMatchObject({
      ok: false,
      error: { code: 'REMARK_INVALID', params: { bytes: 30, max: 29 } },
    });
    expect(emulator.control.calls({ path: '/cgi-bin/user/info/updateremark' })).toHaveLength(0);
    const fits = await core.call('followers:setRemark', {
      accountId,
      openid: openids[0] as string,
      remark: '一二三四五六七八九',
    });
    expect(fits.ok).toBe(true);
  });

  it('explains 48001 on a subscription account, and does not call WeChat again for it', async () => {
    const { accountId, openids } = await synced(SUBSCRIPTION.appid, SUBSCRIPTION.secret);
    const first = await core.call('followers:setRemark', {
      accountId,
      openid: openids[0] as string,
      remark: '老客',
    });
    expect(first).toMatchObject({
      ok: false,
      error: { code: 'REMARKS_UNAUTHORIZED', wechat: { errcode: 48001 } },
    });
    expect((await core.ok('accounts:list', {})).accounts[0]?.capabilities.remarks).toBe('no');
    emulator.control.clearCalls();
    const second = await core.call('followers:setRemark', {
      accountId,
      openid: openids[1] as string,
      remark: '老客',
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'REMARKS_UNAUTHORIZED' } });
    expect(emulator.control.calls()).toHaveLength(0);
  });

  it('a 48001 is believed for a while, asked again when the owner retries, and forgotten after hours', async () => {
    let clock = Date.parse('2026-03-02T09:00:00Z');
    const { accountId, openids } = await synced(DEFAULT_APPID, DEFAULT_SECRET, () => clock);
    const [a, b, c] = openids as [string, string, string];
    const path = '/cgi-bin/user/info/updateremark';
    // WeChat refuses once (verification lapsed), then allows remarks again (renewed).
    emulator.control.addFault({ kind: 'errcode', errcode: 48001, count: 1, path });
    const refused = await core.call('followers:setRemark', { accountId, openid: a, remark: '老客' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'REMARKS_UNAUTHORIZED', params: { checkedAt: clock } },
    });
    expect((await core.ok('accounts:list', {})).accounts[0]?.capabilities).toMatchObject({
      remarks: 'no',
      checkedAt: clock,
    });

    // Right after: answered from what the app learned, without asking WeChat.
    emulator.control.clearCalls();
    clock += 60_000;
    const again = await core.call('followers:setRemark', { accountId, openid: a, remark: '老客' });
    expect(again).toMatchObject({ ok: false, error: { code: 'REMARKS_UNAUTHORIZED' } });
    expect(emulator.control.calls({ path })).toHaveLength(0);

    // The owner asks to try again: WeChat is asked, and remarks work again.
    const retried = await core.ok('followers:setRemark', {
      accountId,
      openid: a,
      remark: '老客',
      recheck: true,
    });
    expect(retried.remark).toBe('老客');
    expect(emulator.control.calls({ path })).toHaveLength(1);
    expect((await core.ok('accounts:list', {})).accounts[0]?.capabilities.remarks).toBe('yes');

    // Refused again; hours later the next remark goes to WeChat by itself.
    emulator.control.addFault({ kind: 'errcode', errcode: 48001, count: 1, path });
    expect(await core.call('followers:setRemark', { accountId, openid: b, remark: '新客' })).toMatchObject({
      ok: false,
    });
    clock += 7 * 60 * 60_000;
    const later = await core.ok('followers:setRemark', { accountId, openid: c, remark: '熟客' });
    expect(later.remark).toBe('熟客');
    expect((await core.ok('accounts:list', {})).accounts[0]?.capabilities.remarks).toBe('yes');
  });

  it('says the follower left (43004) and marks them so in the cache', async () => {
    const { accountId, openids } = await synced(DEFAULT_APPID, DEFAULT_SECRET);
    const openid = openids[2] as string;
    emulator.control.state().unfollow([openid]);
    const r = await core.call('followers:setRemark', { accountId, openid, remark: '走了' });
    expect(r).toMatchObject({ ok: false, error: { code: 'USER_UNSUBSCRIBED' } });
    expect((await core.ok('followers:get', { accountId, openid })).subscribed).toBe(false);
  });
});

describe('local notes', () => {
  it('are kept in the cache only, and found by search', async () => {
    const { accountId, openids } = await synced(DEFAULT_APPID, DEFAULT_SECRET);
    emulator.control.clearCalls();
    const openid = openids[3] as string;
    await core.ok('followers:setNote', { accountId, openid, note: '每周三来店，喜欢拿铁' });
    expect(emulator.control.calls()).toHaveLength(0);
    const found = await core.ok('followers:query', { accountId, query: { text: '拿铁' } });
    expect(found.rows.map((r) => r.openid)).toEqual([openid]);
  });
});
