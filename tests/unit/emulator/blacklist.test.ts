// Blacklist (doc §5).

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_APPID, DEFAULT_SECRET, type Emulator, startEmulator } from '../../../electron/emulator';
import { type Json, classicToken, get, post } from './helpers';

let sb: Emulator;
let token: string;
beforeAll(async () => {
  sb = await startEmulator({
    apps: [
      { appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 3000 },
      { appid: 'wx00000000000000b2', secret: '2'.repeat(32), followers: 5 },
    ],
  });
});
afterAll(() => sb.close());
beforeEach(async () => {
  sb.control.reset();
  token = await classicToken(sb);
});

const blacklistPage = (begin: string) =>
  post(sb, '/cgi-bin/tags/members/getblacklist', token, { begin_openid: begin });

describe('getblacklist', () => {
  it('lists seeded blacklisted followers in pages, feeding next_openid back as begin_openid', async () => {
    sb.control.configure({ blacklistPageSize: 4 });
    const expected = sb.control.state().blacklist();
    expect(expected.length).toBeGreaterThan(4);
    const seen: string[] = [];
    const pages: Json[] = [];
    let begin = '';
    for (let k = 0; k < 50; k++) {
      const r = await blacklistPage(begin);
      pages.push(r);
      if (!r.data) break;
      seen.push(...(r.data as { openid: string[] }).openid);
      begin = r.next_openid as string;
    }
    expect(seen).toEqual(expected);
    expect(pages.every((r) => r.total === expected.length)).toBe(true);
    expect(pages[pages.length - 1]).toEqual({ total: expected.length, count: 0, next_openid: '' });
    expect(pages[pages.length - 2].next_openid).toBe(expected[expected.length - 1]);
  });

  it('uses pages of 1000 by default and 40003 for a bad begin_openid', async () => {
    expect(sb.control.settings().blacklistPageSize).toBe(1000);
    expect((await blacklistPage('nope')).errcode).toBe(40003);
  });
});

describe('batchblacklist / batchunblacklist', () => {
  it('blacklists up to 20 per call (40032 over); they stay in user/get', async () => {
    const state = sb.control.state();
    const clean = state.openids().filter((o) => !state.follower(o)?.blacklisted);
    const before = state.blacklist().length;
    const r = await post(sb, '/cgi-bin/tags/members/batchblacklist', token, {
      openid_list: clean.slice(0, 20),
    });
    expect(r).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(state.blacklist()).toHaveLength(before + 20);
    expect((await blacklistPage('')).total).toBe(before + 20);
    const list = await get(sb, '/cgi-bin/user/get', token);
    expect((list.data as { openid: string[] }).openid).toContain(clean[0]);
    expect(
      (await post(sb, '/cgi-bin/tags/members/batchblacklist', token, { openid_list: clean.slice(20, 41) }))
        .errcode,
    ).toBe(40032);
    expect(
      (await post(sb, '/cgi-bin/tags/members/batchunblacklist', token, { openid_list: clean.slice(0, 21) }))
        .errcode,
    ).toBe(40032);
    expect(
      (await post(sb, '/cgi-bin/tags/members/batchunblacklist', token, { openid_list: clean.slice(0, 20) }))
        .errcode,
    ).toBe(0);
    expect(state.blacklist()).toHaveLength(before);
  });

  it('checks openids: 40003, 49003, empty list 40032', async () => {
    const other = sb.control.state('wx00000000000000b2').openids()[0];
    const mine = sb.control.state().openids()[0];
    const bl = (openid_list: unknown) =>
      post(sb, '/cgi-bin/tags/members/batchblacklist', token, { openid_list });
    expect((await bl([mine, 'bad'])).errcode).toBe(40003);
    expect((await bl([mine, other])).errcode).toBe(49003);
    expect((await bl([])).errcode).toBe(40032);
    expect(sb.control.state().follower(mine)?.blacklisted).toBe(false);
  });
});
