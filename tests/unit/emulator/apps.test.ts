// Several accounts in one emulator (doc §9.5): account kinds and isolation.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RESERVED_GROUP } from '#contract/reservedGroups';
import { DEFAULT_APPID, DEFAULT_SECRET, type Emulator, startEmulator } from '../../../electron/emulator';
import { classicToken, get, post } from './helpers';

const UNVERIFIED = { appid: 'wx00000000000a0001', secret: 'a1'.repeat(16) };
const SUB = { appid: 'wx00000000000a0002', secret: 'a2'.repeat(16) };
const TEST = { appid: 'wx00000000000a0003', secret: 'a3'.repeat(16) };
let sb: Emulator;
beforeAll(async () => {
  sb = await startEmulator({
    apps: [
      { appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 100 },
      { ...UNVERIFIED, kind: 'unverified', followers: 10 },
      { ...SUB, kind: 'subscription', followers: 10 },
      { ...TEST, kind: 'test' },
    ],
  });
});
afterAll(() => sb.close());
beforeEach(() => sb.control.reset());

const USER_MANAGEMENT: [string, 'GET' | 'POST'][] = [
  ['tags/get', 'GET'],
  ['tags/create', 'POST'],
  ['tags/update', 'POST'],
  ['tags/delete', 'POST'],
  ['user/tag/get', 'POST'],
  ['tags/members/batchtagging', 'POST'],
  ['tags/members/batchuntagging', 'POST'],
  ['tags/getidlist', 'POST'],
  ['groups/create', 'POST'],
  ['groups/get', 'GET'],
  ['groups/getid', 'POST'],
  ['groups/update', 'POST'],
  ['groups/members/update', 'POST'],
  ['groups/members/batchupdate', 'POST'],
  ['groups/delete', 'POST'],
  ['user/get', 'GET'],
  ['user/info', 'GET'],
  ['user/info/batchget', 'POST'],
  ['user/info/updateremark', 'POST'],
  ['tags/members/getblacklist', 'POST'],
  ['tags/members/batchblacklist', 'POST'],
  ['tags/members/batchunblacklist', 'POST'],
];

describe('account kinds', () => {
  it('unverified accounts get 48001 on every user-management API, but tokens and quota APIs work', async () => {
    const t = await classicToken(sb, UNVERIFIED.appid, UNVERIFIED.secret);
    for (const [path, method] of USER_MANAGEMENT) {
      const r =
        method === 'GET'
          ? await get(sb, `/cgi-bin/${path}`, t)
          : await post(sb, `/cgi-bin/${path}`, t, { x: 1 });
      expect(r.errcode, path).toBe(48001);
      expect(r.errmsg).toMatch(/^api unauthorized rid: /);
    }
    expect(await get(sb, '/cgi-bin/get_api_domain_ip', t)).toHaveProperty('ip_list');
    expect((await post(sb, '/cgi-bin/openapi/quota/get', t, { cgi_path: '/cgi-bin/user/get' })).errcode).toBe(
      0,
    );
  });

  it('verified subscription accounts only lack updateremark', async () => {
    const t = await classicToken(sb, SUB.appid, SUB.secret);
    const openid = sb.control.state(SUB.appid).openids()[0];
    expect((await post(sb, '/cgi-bin/user/info/updateremark', t, { openid, remark: 'x' })).errcode).toBe(
      48001,
    );
    expect(await get(sb, '/cgi-bin/tags/get', t)).toHaveProperty('tags');
    expect(
      (
        await post(sb, '/cgi-bin/tags/members/batchtagging', t, {
          openid_list: [openid],
          tagid: RESERVED_GROUP.starred,
        })
      ).errcode,
    ).toBe(0);
  });

  it("remarkAccess 'verified' (per account) lets a verified subscription account set remarks too", async () => {
    const t = await classicToken(sb, SUB.appid, SUB.secret);
    const openid = sb.control.state(SUB.appid).openids()[0];
    sb.control.configure({ remarkAccess: 'verified' }, SUB.appid);
    expect((await post(sb, '/cgi-bin/user/info/updateremark', t, { openid, remark: 'x' })).errcode).toBe(0);
    // Only that account: unverified ones still may not.
    const u = await classicToken(sb, UNVERIFIED.appid, UNVERIFIED.secret);
    const other = sb.control.state(UNVERIFIED.appid).openids()[0];
    expect(
      (await post(sb, '/cgi-bin/user/info/updateremark', u, { openid: other, remark: 'x' })).errcode,
    ).toBe(48001);
  });

  it('test accounts may call everything, with about 100 followers by default', async () => {
    const t = await classicToken(sb, TEST.appid, TEST.secret);
    const state = sb.control.state(TEST.appid);
    expect(state.kind).toBe('test');
    expect(state.openids({ subscribedOnly: false })).toHaveLength(100);
    const openid = state.openids()[0];
    expect((await post(sb, '/cgi-bin/user/info/updateremark', t, { openid, remark: '测试' })).errcode).toBe(
      0,
    );
    expect(await get(sb, '/cgi-bin/user/info', t, { openid })).not.toHaveProperty('unionid');
  });
});

describe('isolation between accounts', () => {
  it('serves each account its own followers, tags and ids', async () => {
    const a = await classicToken(sb);
    const b = await classicToken(sb, SUB.appid, SUB.secret);
    const ra = await get(sb, '/cgi-bin/user/get', a);
    const rb = await get(sb, '/cgi-bin/user/get', b);
    expect(ra.total).toBe(sb.control.state().followerCount());
    expect(rb.total).toBe(sb.control.state(SUB.appid).followerCount());
    const ida = ((await post(sb, '/cgi-bin/tags/create', a, { tag: { name: '甲' } })).tag as { id: number })
      .id;
    const before = sb.control.state(SUB.appid).tags();
    expect(before.some((t) => t.name === '甲')).toBe(false);
    const idb = ((await post(sb, '/cgi-bin/tags/create', b, { tag: { name: '甲' } })).tag as { id: number })
      .id;
    // Each account numbers its own tags (sparse ids, doc §10).
    expect(idb).toBeGreaterThanOrEqual(100);
    // A tag id of one account does not reach the other's tags.
    await post(sb, '/cgi-bin/tags/delete', a, { tag: { id: ida } });
    expect(
      sb.control
        .state(SUB.appid)
        .tags()
        .some((t) => t.id === idb),
    ).toBe(true);
  });

  it('openids differ per account; one account’s openid in another is 49003', async () => {
    const a = sb.control.state().openids();
    const b = sb.control.state(SUB.appid).openids();
    expect(a.some((o) => b.includes(o))).toBe(false);
    expect(a[0].slice(0, 6)).not.toBe(b[0].slice(0, 6));
    const t = await classicToken(sb);
    expect((await get(sb, '/cgi-bin/user/info', t, { openid: b[0] })).errcode).toBe(49003);
    expect((await post(sb, '/cgi-bin/tags/members/batchblacklist', t, { openid_list: [b[0]] })).errcode).toBe(
      49003,
    );
  });

  it('keeps quotas, faults and tokens per account', async () => {
    sb.control.configure({ quotas: { '/cgi-bin/tags/get': 1 } }, DEFAULT_APPID);
    const a = await classicToken(sb);
    const b = await classicToken(sb, SUB.appid, SUB.secret);
    await get(sb, '/cgi-bin/tags/get', a);
    expect((await get(sb, '/cgi-bin/tags/get', a)).errcode).toBe(45009);
    expect((await get(sb, '/cgi-bin/tags/get', b)).errcode).toBeUndefined();
    expect(sb.control.settings(SUB.appid).quotas).toEqual({});
    // A new classic token for one account leaves the other's alone.
    await classicToken(sb);
    sb.control.advance(6 * 60_000);
    expect((await get(sb, '/cgi-bin/user/get', b)).errcode).toBeUndefined();
  });

  it('adds accounts at run time and refuses duplicates and bad credentials', async () => {
    sb.control.addApp({ appid: 'wx00000000000a0009', secret: 'a9'.repeat(16), followers: 3 });
    expect(sb.control.state('wx00000000000a0009').openids({ subscribedOnly: false })).toHaveLength(3);
    expect(() => sb.control.addApp({ appid: DEFAULT_APPID, secret: DEFAULT_SECRET })).toThrow();
    expect(() => sb.control.addApp({ appid: 'wx123', secret: DEFAULT_SECRET })).toThrow();
    expect(() => sb.control.addApp({ appid: 'wx00000000000a0010', secret: 'short' })).toThrow();
    expect(() => sb.control.state('wx00000000000b0000')).toThrow();
  });
});
