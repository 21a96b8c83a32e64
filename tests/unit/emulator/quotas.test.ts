// Quotas (doc §6, §9.7): daily 45009 with the Beijing-midnight reset, minute 45011,
// openapi/quota/get, clear_quota (10 per month, then 48006), test-account limits.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_APPID, DEFAULT_SECRET, type Emulator, startEmulator } from '../../../electron/emulator';
import { DAY, HOUR, MINUTE, call, classicToken, get, post } from './helpers';

const TEST = { appid: 'wx0000000000007e57', secret: '7'.repeat(32) };
let sb: Emulator;
let token: string;
beforeAll(async () => {
  sb = await startEmulator({
    apps: [
      { appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 20 },
      { ...TEST, kind: 'test' },
    ],
  });
});
afterAll(() => sb.close());
beforeEach(async () => {
  sb.control.reset();
  token = await classicToken(sb);
});

const tagsGet = async (t = token) => (await get(sb, '/cgi-bin/tags/get', t)).errcode ?? 0;
const quota = async (cgi_path: string, t = token) => post(sb, '/cgi-bin/openapi/quota/get', t, { cgi_path });

describe('daily quotas', () => {
  it('answers 45009 once the limit is used and resets at midnight Beijing time (UTC+8)', async () => {
    sb.control.configure({ quotas: { '/cgi-bin/tags/get': 3 } });
    for (let k = 0; k < 3; k++) expect(await tagsGet()).toBe(0);
    const over = await get(sb, '/cgi-bin/tags/get', token);
    expect(over.errcode).toBe(45009);
    expect(over.errmsg).toMatch(/^reach max api daily quota limit rid: /);
    // The clock starts at 09:00 UTC = 17:00 in Beijing: the day ends 7 hours later.
    sb.control.advance(7 * HOUR - 1);
    const t = await classicToken(sb);
    expect(await tagsGet(t)).toBe(45009);
    sb.control.advance(1);
    expect(await tagsGet(t)).toBe(0);
  });

  it('counts per path and per account', async () => {
    sb.control.configure({ quotas: { '/cgi-bin/tags/get': 1 } });
    expect(await tagsGet()).toBe(0);
    expect(await tagsGet()).toBe(45009);
    expect((await get(sb, '/cgi-bin/user/get', token)).errcode).toBeUndefined();
    const other = await classicToken(sb, TEST.appid, TEST.secret);
    expect(await tagsGet(other)).toBe(0);
    expect(sb.control.state().quotaUsed('/cgi-bin/tags/get')).toBe(1);
  });

  it('limits cgi-bin/token to 2000 a day (200 on test accounts)', async () => {
    expect(((await quota('/cgi-bin/token')).quota as { daily_limit: number }).daily_limit).toBe(2000);
    const t = await classicToken(sb, TEST.appid, TEST.secret);
    expect(((await quota('/cgi-bin/token', t)).quota as { daily_limit: number }).daily_limit).toBe(200);
    for (let k = 1; k < 200; k++) await classicToken(sb, TEST.appid, TEST.secret);
    const r = await call(sb, '/cgi-bin/token', {
      query: { grant_type: 'client_credential', appid: TEST.appid, secret: TEST.secret },
    });
    expect(r.errcode).toBe(45009);
  });

  it('uses the published defaults (user/get 500, test account 100)', async () => {
    const limit = async (path: string, t = token) =>
      ((await quota(path, t)).quota as { daily_limit: number }).daily_limit;
    expect(await limit('/cgi-bin/user/get')).toBe(500);
    expect(await limit('/cgi-bin/user/info/batchget')).toBe(5_000_000);
    expect(await limit('/cgi-bin/user/info/updateremark')).toBe(10_000);
    expect(await limit('/cgi-bin/stable_token')).toBe(500_000);
    expect(await limit('/cgi-bin/groups/create')).toBe(1000);
    expect(await limit('/cgi-bin/groups/members/batchupdate')).toBe(100_000);
    const t = await classicToken(sb, TEST.appid, TEST.secret);
    expect(await limit('/cgi-bin/user/get', t)).toBe(100);
    expect(await limit('/cgi-bin/groups/create', t)).toBe(100);
    for (let k = 0; k < 100; k++) await get(sb, '/cgi-bin/user/get', t);
    expect((await get(sb, '/cgi-bin/user/get', t)).errcode).toBe(45009);
  });
});

describe('minute quotas', () => {
  it('answers 45011 until the next minute', async () => {
    sb.control.configure({ minuteQuotas: { '/cgi-bin/tags/get': 2 } });
    expect(await tagsGet()).toBe(0);
    expect(await tagsGet()).toBe(0);
    const r = await get(sb, '/cgi-bin/tags/get', token);
    expect(r.errcode).toBe(45011);
    // Today's text (doc §6).
    expect(r.errmsg).toMatch(/^api minute-quota reach limit, must slower, retry next minute, rid: /);
    sb.control.advance(MINUTE);
    expect(await tagsGet()).toBe(0);
  });

  it('limits stable_token to 10 000 per minute by default', async () => {
    sb.control.configure({ minuteQuotas: { '/cgi-bin/stable_token': 1 } });
    const body = { grant_type: 'client_credential', appid: DEFAULT_APPID, secret: DEFAULT_SECRET };
    expect((await call(sb, '/cgi-bin/stable_token', { body })).errcode).toBeUndefined();
    expect((await call(sb, '/cgi-bin/stable_token', { body })).errcode).toBe(45011);
  });
});

describe('openapi/quota/get', () => {
  it('reports daily_limit, used and remain with errcode 0', async () => {
    await tagsGet();
    await tagsGet();
    expect(await quota('/cgi-bin/tags/get')).toEqual({
      errcode: 0,
      errmsg: 'ok',
      quota: { daily_limit: 100_000, used: 2, remain: 99_998 },
      rate_limit: { call_count: 100_000, refresh_second: 86_400 },
    });
    sb.control.configure({ minuteQuotas: { '/cgi-bin/tags/get': 30 } });
    expect((await quota('/cgi-bin/tags/get')).rate_limit).toEqual({ call_count: 30, refresh_second: 60 });
  });

  it('raises limits with the follower count (quotaTiers), per account overrides win', async () => {
    const big = await startEmulator({
      apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 120_000, tags: false }],
    });
    try {
      const t = await classicToken(big);
      const limit = async (path: string) =>
        (
          (await post(big, '/cgi-bin/openapi/quota/get', t, { cgi_path: path })).quota as {
            daily_limit: number;
          }
        ).daily_limit;
      expect(await limit('/cgi-bin/user/get')).toBe(1000);
      expect(await limit('/cgi-bin/token')).toBe(2000);
      big.control.configure({ quotaTiers: false });
      expect(await limit('/cgi-bin/user/get')).toBe(500);
      big.control.configure({ quotas: { '/cgi-bin/user/get': 7 } }, DEFAULT_APPID);
      expect(await limit('/cgi-bin/user/get')).toBe(7);
    } finally {
      await big.close();
    }
  });

  it('answers 76021 for an unknown cgi_path', async () => {
    expect((await quota('/cgi-bin/nope')).errcode).toBe(76021);
    expect((await post(sb, '/cgi-bin/openapi/quota/get', token, {})).errcode).toBe(76021);
  });
});

describe('clear_quota', () => {
  it('resets every counter of the account, 10 times a month, then 48006', async () => {
    sb.control.configure({ quotas: { '/cgi-bin/tags/get': 1 } });
    for (let k = 0; k < 10; k++) {
      await tagsGet();
      expect(await tagsGet()).toBe(45009);
      expect(await post(sb, '/cgi-bin/clear_quota', token, { appid: DEFAULT_APPID })).toEqual({
        errcode: 0,
        errmsg: 'ok',
      });
      expect(await tagsGet()).toBe(0);
    }
    expect((await post(sb, '/cgi-bin/clear_quota', token, { appid: DEFAULT_APPID })).errcode).toBe(48006);
    // January 5 → February: a new month (Beijing time).
    sb.control.advance(30 * DAY);
    const t = await classicToken(sb);
    expect((await post(sb, '/cgi-bin/clear_quota', t, { appid: DEFAULT_APPID })).errcode).toBe(0);
  });

  it('checks the appid (41002 missing, 40013 another account)', async () => {
    expect((await post(sb, '/cgi-bin/clear_quota', token, {})).errcode).toBe(41002);
    expect((await post(sb, '/cgi-bin/clear_quota', token, { appid: TEST.appid })).errcode).toBe(40013);
  });

  it('clear_quota/v2 takes appid + appsecret instead of a token', async () => {
    sb.control.configure({ quotas: { '/cgi-bin/tags/get': 1 } });
    await tagsGet();
    expect(await tagsGet()).toBe(45009);
    const bad = await call(sb, '/cgi-bin/clear_quota/v2', {
      body: { appid: DEFAULT_APPID, appsecret: '0'.repeat(32) },
    });
    expect(bad.errcode).toBe(40125);
    const ok = await call(sb, '/cgi-bin/clear_quota/v2', {
      body: { appid: DEFAULT_APPID, appsecret: DEFAULT_SECRET },
    });
    expect(ok).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(await tagsGet()).toBe(0);
  });
});

describe('get_api_domain_ip', () => {
  it('lists IPs without errcode', async () => {
    const r = await get(sb, '/cgi-bin/get_api_domain_ip', token);
    expect(r).not.toHaveProperty('errcode');
    expect((r.ip_list as string[]).length).toBeGreaterThan(0);
    for (const ip of r.ip_list as string[]) expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });
});
