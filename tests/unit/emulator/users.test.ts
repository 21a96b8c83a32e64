// Followers (doc §4): user/get paging and its end-of-list quirk, user/info and batchget shapes,
// unfollowed users, updateremark rules.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_APPID, DEFAULT_SECRET, type Emulator, startEmulator } from '../../../electron/emulator';
import { type Json, classicToken, get, post } from './helpers';

const BIG = { appid: 'wx00000000000b1900', secret: 'c'.repeat(32) };
const EMPTY = { appid: 'wx00000000000e3970', secret: 'd'.repeat(32) };
const SUBSCRIPTION = { appid: 'wx000000000005ab00', secret: 'e'.repeat(32) };
let sb: Emulator;
let token: string;

beforeAll(async () => {
  sb = await startEmulator({
    apps: [
      { appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 400 },
      { ...BIG, followers: 25_000, tags: false },
      { ...EMPTY, followers: 0 },
      { ...SUBSCRIPTION, kind: 'subscription', followers: 10 },
    ],
  });
});
afterAll(() => sb.close());
beforeEach(async () => {
  sb.control.reset();
  token = await classicToken(sb);
});

async function walkUserGet(t: string): Promise<{ pages: Json[]; openids: string[] }> {
  const pages: Json[] = [];
  const openids: string[] = [];
  let next = '';
  for (let k = 0; k < 100; k++) {
    const r = await get(sb, '/cgi-bin/user/get', t, next ? { next_openid: next } : {});
    pages.push(r);
    if (!r.data) break;
    openids.push(...(r.data as { openid: string[] }).openid);
    next = r.next_openid as string;
  }
  return { pages, openids };
}

describe('user/get', () => {
  it('pages of 10 000, the last data page names its own last openid, then an empty page without data', async () => {
    const t = await classicToken(sb, BIG.appid, BIG.secret);
    const total = sb.control.state(BIG.appid).followerCount();
    const { pages, openids } = await walkUserGet(t);
    expect(pages.map((r) => r.count)).toEqual([10_000, 10_000, total - 20_000, 0]);
    for (const r of pages) expect(r.total).toBe(total);
    expect(pages[0].next_openid).toBe(openids[9999]);
    expect(pages[2].next_openid).toBe(openids[openids.length - 1]);
    expect(pages[3]).toEqual({ total, count: 0, next_openid: '' });
    expect(openids).toEqual(sb.control.state(BIG.appid).openids());
  });

  it('behaves the same when the total is an exact multiple of the page size', async () => {
    const total = sb.control.state().followerCount();
    sb.control.configure({ userGetPageSize: total });
    const { pages } = await walkUserGet(token);
    expect(pages.map((r) => r.count)).toEqual([total, 0]);
    expect(pages[1]).toEqual({ total, count: 0, next_openid: '' });
  });

  it('answers {"total":0,"count":0,"next_openid":""} for an account without followers', async () => {
    const t = await classicToken(sb, EMPTY.appid, EMPTY.secret);
    expect(await get(sb, '/cgi-bin/user/get', t)).toEqual({ total: 0, count: 0, next_openid: '' });
  });

  it('leaves out unfollowed users and answers 40003 for a bad cursor', async () => {
    const all = sb.control.state().openids({ subscribedOnly: false });
    const subscribed = new Set(sb.control.state().openids());
    expect(all.length).toBeGreaterThan(subscribed.size);
    const { openids } = await walkUserGet(token);
    expect(new Set(openids)).toEqual(subscribed);
    expect((await get(sb, '/cgi-bin/user/get', token, { next_openid: 'garbage' })).errcode).toBe(40003);
    const otherApp = sb.control.state(BIG.appid).openids()[0];
    expect((await get(sb, '/cgi-bin/user/get', token, { next_openid: otherApp })).errcode).toBe(40003);
  });

  it('sees followers added and removed between syncs', async () => {
    const before = sb.control.state().followerCount();
    const added = sb.control.state().follow(3);
    sb.control.state().unfollow([sb.control.state().openids()[0]]);
    const r = await get(sb, '/cgi-bin/user/get', token);
    expect(r.total).toBe(before + 2);
    const listed = (r.data as { openid: string[] }).openid;
    for (const o of added) expect(listed).toContain(o);
    // New followers land anywhere in the list, not at its end (doc §4.1).
    expect(listed.slice(-3)).not.toEqual(added);
    expect(listed).toEqual(sb.control.state().openids());
  });

  it('keeps paging right when followers come and go mid-list: the cursor is an openid, not a position', async () => {
    sb.control.configure({ userGetPageSize: 100 });
    const first = await get(sb, '/cgi-bin/user/get', token);
    const page1 = (first.data as { openid: string[] }).openid;
    // One follower of page 1 leaves, and so does the cursor itself; 50 new ones arrive.
    sb.control.state().unfollow([page1[3] as string, page1[99] as string]);
    const added = sb.control.state().follow(50);
    const rest: string[] = [];
    let next = first.next_openid as string;
    const totals = new Set<number>();
    for (;;) {
      const r = await get(sb, '/cgi-bin/user/get', token, { next_openid: next });
      totals.add(r.total as number);
      if (!r.data) break;
      rest.push(...(r.data as { openid: string[] }).openid);
      next = r.next_openid as string;
    }
    expect([...totals]).toEqual([(first.total as number) + 48]);
    const everyone = sb.control.state().openids();
    // Nobody twice; everyone after the cursor who still follows is listed, in list order.
    expect(new Set([...page1, ...rest]).size).toBe(page1.length + rest.length);
    const after = everyone.slice(everyone.indexOf(page1[98] as string) + 1);
    expect(rest).toEqual(after);
    // The newcomers that landed before the cursor are the ones a single pass misses.
    const missed = added.filter((o) => !rest.includes(o));
    expect(missed.length).toBeGreaterThan(0);
    expect(missed.length).toBeLessThan(added.length);
  });
});

describe('user/info and user/info/batchget', () => {
  it('returns every key of a following user, nickname and places empty', async () => {
    const openid = sb.control.state().openids()[0];
    const info = await get(sb, '/cgi-bin/user/info', token, { openid, lang: 'zh_CN' });
    expect(Object.keys(info)).toEqual([
      'subscribe',
      'openid',
      'nickname',
      'sex',
      'city',
      'province',
      'country',
      'headimgurl',
      'subscribe_time',
      'unionid',
      'remark',
      'groupid',
      'tagid_list',
      'subscribe_scene',
      'qr_scene',
      'qr_scene_str',
    ]);
    const view = sb.control.state().follower(openid);
    expect(info).toMatchObject({
      subscribe: 1,
      openid,
      nickname: '',
      headimgurl: '',
      subscribe_time: view?.subscribeTime,
      remark: view?.remark,
      groupid: view?.groupId,
      tagid_list: view?.tagIds,
      subscribe_scene: view?.scene,
      unionid: view?.unionid,
    });
    expect(info).not.toHaveProperty('errcode');
  });

  it('batchget answers up to 100 users, subscribe:0 entries for those who left', async () => {
    const state = sb.control.state();
    const all = state.openids({ subscribedOnly: false });
    const gone = all.find((o) => !state.follower(o)?.subscribed) as string;
    const list = [gone, ...state.openids().slice(0, 99)];
    const r = await post(sb, '/cgi-bin/user/info/batchget', token, {
      user_list: list.map((openid) => ({ openid, lang: 'zh_CN' })),
    });
    const infos = r.user_info_list as Json[];
    expect(infos).toHaveLength(100);
    expect(infos.map((u) => u.openid)).toEqual(list);
    expect(infos[0]).toEqual({
      subscribe: 0,
      openid: gone,
      unionid: state.follower(gone)?.unionid,
      tagid_list: [],
    });
    expect(infos.slice(1).every((u) => 'nickname' in u && u.nickname === '')).toBe(true);
  });

  it('40032 over 100 or empty, 40003 / 49003 for bad openids, 47001 for a bad shape', async () => {
    const all = sb.control.state().openids();
    const list = (n: number) => ({ user_list: all.slice(0, n).map((openid) => ({ openid })) });
    expect((await post(sb, '/cgi-bin/user/info/batchget', token, list(101))).errcode).toBe(40032);
    expect((await post(sb, '/cgi-bin/user/info/batchget', token, list(0))).errcode).toBe(40032);
    expect((await post(sb, '/cgi-bin/user/info/batchget', token, {})).errcode).toBe(40032);
    expect(
      (await post(sb, '/cgi-bin/user/info/batchget', token, { user_list: [{ openid: 'x' }] })).errcode,
    ).toBe(40003);
    const other = sb.control.state(BIG.appid).openids()[0];
    expect(
      (await post(sb, '/cgi-bin/user/info/batchget', token, { user_list: [{ openid: other }] })).errcode,
    ).toBe(49003);
    expect((await post(sb, '/cgi-bin/user/info/batchget', token, { user_list: 'x' })).errcode).toBe(47001);
    expect((await get(sb, '/cgi-bin/user/info', token)).errcode).toBe(40003);
  });

  it('has no unionid when the account is not bound to an Open Platform', async () => {
    sb.control.addApp({ appid: 'wx000000000000ab01', secret: '1'.repeat(32), followers: 3, unionid: false });
    const t = await classicToken(sb, 'wx000000000000ab01', '1'.repeat(32));
    const openid = sb.control.state('wx000000000000ab01').openids()[0];
    expect(await get(sb, '/cgi-bin/user/info', t, { openid })).not.toHaveProperty('unionid');
  });
});

describe('user/info/updateremark', () => {
  const remark = (openid: string, text: unknown, t = token) =>
    post(sb, '/cgi-bin/user/info/updateremark', t, { openid, remark: text });

  it('sets and clears remarks; raw UTF-8 round-trips', async () => {
    const openid = sb.control.state().openids()[1];
    expect(await remark(openid, '胖子 😀')).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await get(sb, '/cgi-bin/user/info', token, { openid })).remark).toBe('胖子 😀');
    expect((await remark(openid, '')).errcode).toBe(0);
    expect(sb.control.state().follower(openid)?.remark).toBe('');
  });

  it('needs fewer than 30 UTF-8 bytes by default (40092); option chars', async () => {
    const openid = sb.control.state().openids()[2];
    expect((await remark(openid, '备'.repeat(9))).errcode).toBe(0);
    expect((await remark(openid, '备'.repeat(10))).errcode).toBe(40092);
    expect((await remark(openid, 'a'.repeat(29))).errcode).toBe(0);
    expect((await remark(openid, 'a'.repeat(30))).errcode).toBe(40092);
    sb.control.configure({ remarkRule: 'chars' });
    expect((await remark(openid, '备'.repeat(29))).errcode).toBe(0);
    expect((await remark(openid, '备'.repeat(30))).errcode).toBe(40092);
  });

  it('43004 for a user who left, 40003 / 47001 for bad input', async () => {
    const openid = sb.control.state().openids()[3];
    sb.control.state().unfollow([openid]);
    expect((await remark(openid, 'x')).errcode).toBe(43004);
    expect((await remark('bad', 'x')).errcode).toBe(40003);
    expect((await remark(sb.control.state().openids()[4], 5)).errcode).toBe(47001);
  });

  it('is refused to subscription accounts with 48001', async () => {
    const t = await classicToken(sb, SUBSCRIPTION.appid, SUBSCRIPTION.secret);
    const openid = sb.control.state(SUBSCRIPTION.appid).openids()[0];
    expect((await remark(openid, 'x', t)).errcode).toBe(48001);
    // Everything else works for verified subscription accounts.
    expect((await get(sb, '/cgi-bin/user/get', t)).total).toBeGreaterThan(0);
  });
});

describe('2026 defaults of user/info and updateremark', () => {
  it('leaves out language (该字段不再提供); userInfoLanguage brings it back', async () => {
    const openid = sb.control.state().openids()[0] as string;
    const info = await get(sb, '/cgi-bin/user/info', token, { openid, lang: 'zh_CN' });
    expect(info).not.toHaveProperty('language');
    const batch = await post(sb, '/cgi-bin/user/info/batchget', token, { user_list: [{ openid }] });
    expect((batch.user_info_list as Json[])[0]).not.toHaveProperty('language');
    sb.control.configure({ userInfoLanguage: true });
    const again = await get(sb, '/cgi-bin/user/info', token, { openid, lang: 'zh_CN' });
    expect(again.language).toBe(sb.control.state().follower(openid)?.language);
    sb.control.configure({ userInfoLanguage: false });
  });

  it('one invalid openid in a batch fails the whole batch (40003); answers carry their openid', async () => {
    const [a, b] = sb.control.state().openids() as [string, string];
    const bad = await post(sb, '/cgi-bin/user/info/batchget', token, {
      user_list: [{ openid: a }, { openid: `${b.slice(0, 27)}!` }],
    });
    expect(bad.errcode).toBe(40003);
    const ok = await post(sb, '/cgi-bin/user/info/batchget', token, {
      user_list: [{ openid: b }, { openid: a }],
    });
    expect((ok.user_info_list as Json[]).map((u) => u.openid).sort()).toEqual([a, b].sort());
  });
});
