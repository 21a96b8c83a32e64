// Fault injection (doc §9.8): every kind, its filters and counts, and what the call log records.

import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CALL_HTTP_502,
  CALL_RESET,
  DEFAULT_APPID,
  DEFAULT_SECRET,
  type Emulator,
  startEmulator,
} from '../../../electron/emulator';
import { type Json, classicToken, get, post, raw } from './helpers';

const OTHER = { appid: 'wx00000000000fa017', secret: '9'.repeat(32) };
let sb: Emulator;
let token: string;
let openids: string[];
beforeAll(async () => {
  sb = await startEmulator({
    apps: [
      { appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 200 },
      { ...OTHER, followers: 10 },
    ],
  });
});
afterAll(() => sb.close());
beforeEach(async () => {
  sb.control.reset();
  token = await classicToken(sb);
  openids = sb.control.state().openids();
});

const tagsGet = async (t = token): Promise<number> => (await get(sb, '/cgi-bin/tags/get', t)).errcode ?? 0;
const tagging = (openid_list: string[], tagid: number, path = 'batchtagging'): Promise<Json> =>
  post(sb, `/cgi-bin/tags/members/${path}`, token, { openid_list, tagid });

/** A request with an explicit Host header (fetch may not set it). */
async function viaHost(host: string, path: string): Promise<{ status: number; body: string }> {
  const res = await request(`${sb.url}${path}`, { headers: { host } });
  return { status: res.statusCode, body: await res.body.text() };
}

describe('latency', () => {
  it('delays matching responses by ms (+ jitter)', async () => {
    sb.control.addFault({ kind: 'latency', ms: 120, jitterMs: 30, path: '/cgi-bin/tags/get' });
    const t0 = performance.now();
    expect(await tagsGet()).toBe(0);
    const slow = performance.now() - t0;
    expect(slow).toBeGreaterThanOrEqual(115);
  });

  it('delays only the matching path: another call overtakes a delayed one', async () => {
    // Order, not a stopwatch: a loaded machine cannot make the undelayed call lose a 1.5 s lead.
    sb.control.addFault({ kind: 'latency', ms: 1_500, path: '/cgi-bin/tags/get' });
    const order: string[] = [];
    await Promise.all([
      tagsGet().then(() => order.push('tags/get')),
      get(sb, '/cgi-bin/user/get', token).then(() => order.push('user/get')),
    ]);
    expect(order).toEqual(['user/get', 'tags/get']);
  });
});

describe('randomError', () => {
  it('answers -1 "system error" at the given rate (1 = always, 0 = never) and applies nothing', async () => {
    const id = sb.control.addFault({ kind: 'randomError', rate: 1 });
    const r = await post(sb, '/cgi-bin/tags/create', token, { tag: { name: '不会建' } });
    expect(r.errcode).toBe(-1);
    expect(r.errmsg).toMatch(/^system error rid: /);
    expect(
      sb.control
        .state()
        .tags()
        .some((t) => t.name === '不会建'),
    ).toBe(false);
    sb.control.removeFault(id);
    sb.control.addFault({ kind: 'randomError', rate: 0 });
    expect(await tagsGet()).toBe(0);
  });

  it('hits roughly the rate and can use another errcode', async () => {
    sb.control.addFault({ kind: 'randomError', rate: 0.5, errcode: 268487002 });
    const codes: number[] = [];
    for (let k = 0; k < 60; k++) codes.push(await tagsGet());
    const hits = codes.filter((c) => c === 268487002).length;
    expect(hits).toBeGreaterThan(10);
    expect(hits).toBeLessThan(50);
    expect(codes.every((c) => c === 0 || c === 268487002)).toBe(true);
  });
});

describe('reset and http502', () => {
  it('reset destroys the connection without a response, count times', async () => {
    sb.control.addFault({ kind: 'reset', count: 2, path: '/cgi-bin/tags/get' });
    await expect(get(sb, '/cgi-bin/tags/get', token)).rejects.toThrow();
    await expect(get(sb, '/cgi-bin/tags/get', token)).rejects.toThrow();
    expect(await tagsGet()).toBe(0);
    const log = sb.control.calls({ path: '/cgi-bin/tags/get' });
    expect(log.map((c) => c.errcode)).toEqual([CALL_RESET, CALL_RESET, 0]);
    expect(log[0].appid).toBe(DEFAULT_APPID);
  });

  it('reset with after:true applies the change before dropping the connection', async () => {
    sb.control.addFault({ kind: 'reset', count: 1, after: true, path: 'tags/create' });
    await expect(post(sb, '/cgi-bin/tags/create', token, { tag: { name: '已生效' } })).rejects.toThrow();
    expect(
      sb.control
        .state()
        .tags()
        .some((t) => t.name === '已生效'),
    ).toBe(true);
  });

  it('http502 answers an HTML 502 page, count times', async () => {
    sb.control.addFault({ kind: 'http502', count: 1 });
    const res = await raw(sb, '/cgi-bin/tags/get', { token });
    expect(res.status).toBe(502);
    expect(await res.text()).toContain('502 Bad Gateway');
    expect(await tagsGet()).toBe(0);
    expect(sb.control.calls({ path: '/cgi-bin/tags/get' }).map((c) => c.errcode)).toEqual([CALL_HTTP_502, 0]);
  });

  it('rate 0 never fires', async () => {
    sb.control.addFault({ kind: 'http502', rate: 0 });
    expect(await tagsGet()).toBe(0);
  });
});

describe('errcode on the next N calls', () => {
  it('answers the errcode on exactly N matching calls, then behaves normally', async () => {
    sb.control.addFault({ kind: 'errcode', errcode: 40001, count: 2, path: '/cgi-bin/user/get' });
    expect(await tagsGet()).toBe(0);
    expect((await get(sb, '/cgi-bin/user/get', token)).errcode).toBe(40001);
    const second = await get(sb, '/cgi-bin/user/get', token);
    expect(second).toMatchObject({ errcode: 40001 });
    expect(second.errmsg).toMatch(/^invalid credential/);
    expect((await get(sb, '/cgi-bin/user/get', token)).errcode).toBeUndefined();
  });

  it('answers 40243 (AppSecret frozen) and 48017 (retired API host) with their texts', async () => {
    sb.control.addFault({ kind: 'errcode', errcode: 40243, count: 1, path: '/cgi-bin/token' });
    sb.control.addFault({ kind: 'errcode', errcode: 48017, count: 1, path: '/cgi-bin/user/get' });
    const frozen = await raw(sb, '/cgi-bin/token', {
      query: { grant_type: 'client_credential', appid: DEFAULT_APPID, secret: DEFAULT_SECRET },
    });
    expect(((await frozen.json()) as Json).errmsg).toMatch(/^AppSecret is frozen rid: /);
    expect((await get(sb, '/cgi-bin/user/get', token)).errmsg).toMatch(/^api domain is out of service/);
  });

  it('uses a custom errmsg, and works on token endpoints', async () => {
    sb.control.addFault({
      kind: 'errcode',
      errcode: 40243,
      count: 1,
      path: 'token',
      errmsg: 'appsecret frozen',
    });
    const r = await raw(sb, '/cgi-bin/token', {
      query: { grant_type: 'client_credential', appid: DEFAULT_APPID, secret: DEFAULT_SECRET },
    });
    const body = (await r.json()) as Json;
    expect(body.errcode).toBe(40243);
    expect(body.errmsg).toMatch(/^appsecret frozen rid: /);
  });

  it('filters by appid', async () => {
    sb.control.addFault({ kind: 'errcode', errcode: 48004, count: 5, appid: OTHER.appid });
    expect(await tagsGet()).toBe(0);
    const t = await classicToken(sb, OTHER.appid, OTHER.secret).catch(() => '');
    expect(t).toBe('');
    expect(sb.control.calls({ appid: OTHER.appid })[0].errcode).toBe(48004);
  });

  it('can be removed and cleared', async () => {
    const id = sb.control.addFault({ kind: 'errcode', errcode: -1, count: 10 });
    sb.control.removeFault(id);
    expect(await tagsGet()).toBe(0);
    sb.control.addFault({ kind: 'errcode', errcode: -1, count: 10 });
    sb.control.clearFaults();
    expect(await tagsGet()).toBe(0);
  });
});

describe('45169 and 45171 on tagging', () => {
  it('openidBusy answers 45169 on tagging calls only, N times', async () => {
    sb.control.addFault({ kind: 'openidBusy', count: 1 });
    expect(await tagsGet()).toBe(0);
    expect((await tagging(openids.slice(0, 2), 100)).errcode).toBe(45169);
    expect((await tagging(openids.slice(0, 2), 100)).errcode).toBe(0);
  });

  it('partialFail names the failed openids, applies the rest', async () => {
    const state = sb.control.state();
    const id = state.createTag('部分失败');
    const list = openids.slice(0, 5);
    sb.control.addFault({ kind: 'partialFail', openids: [list[1], list[3]], count: 1 });
    const r = await tagging(list, id);
    expect(r.errcode).toBe(45171);
    expect(r.errmsg).toMatch(/^some openid fail rid: /);
    expect(r.fail_openid_list).toEqual([list[1], list[3]]);
    expect(new Set(state.tagMembers(id))).toEqual(new Set([list[0], list[2], list[4]]));
    // Used up: the retry of the failed ones succeeds.
    expect((await tagging([list[1], list[3]], id)).errcode).toBe(0);
    expect(state.tagMembers(id)).toHaveLength(5);
  });

  it('partialFail by rate also covers batchuntagging', async () => {
    const state = sb.control.state();
    const id = state.createTag('随机失败', openids.slice(0, 40));
    sb.control.addFault({ kind: 'partialFail', rate: 0.5 });
    const r = await tagging(openids.slice(0, 40), id, 'batchuntagging');
    expect(r.errcode).toBe(45171);
    const failed = r.fail_openid_list as string[];
    expect(failed.length).toBeGreaterThan(5);
    expect(failed.length).toBeLessThan(35);
    expect(new Set(state.tagMembers(id))).toEqual(new Set(failed));
  });
});

describe('hostDown', () => {
  it('resets connections whose Host names the down host; other hosts keep working', async () => {
    const path = `/cgi-bin/tags/get?access_token=${token}`;
    expect((await viaHost('api.weixin.qq.com', path)).status).toBe(200);
    sb.control.addFault({ kind: 'hostDown', host: 'api.weixin.qq.com' });
    await expect(viaHost('api.weixin.qq.com', path)).rejects.toThrow();
    await expect(viaHost('api.weixin.qq.com:443', path)).rejects.toThrow();
    for (const host of [
      'api2.weixin.qq.com',
      'sh.api.weixin.qq.com',
      'sz.api.weixin.qq.com',
      'hk.api.weixin.qq.com',
    ]) {
      const r = await viaHost(host, path);
      expect(r.status).toBe(200);
      expect(JSON.parse(r.body)).toHaveProperty('tags');
    }
    const log = sb.control.calls({ path: '/cgi-bin/tags/get' });
    expect(log.filter((c) => c.errcode === CALL_RESET).map((c) => c.host)).toEqual([
      'api.weixin.qq.com',
      'api.weixin.qq.com',
    ]);
    expect(log.some((c) => c.host === 'api2.weixin.qq.com' && c.errcode === 0)).toBe(true);
  });

  it('host filters apply to other fault kinds too', async () => {
    sb.control.addFault({ kind: 'errcode', errcode: -1, count: 1, host: 'api2.weixin.qq.com' });
    const path = `/cgi-bin/tags/get?access_token=${token}`;
    expect(JSON.parse((await viaHost('api.weixin.qq.com', path)).body)).toHaveProperty('tags');
    expect(JSON.parse((await viaHost('api2.weixin.qq.com', path)).body)).toMatchObject({ errcode: -1 });
  });
});

describe('fault validation', () => {
  it('rejects nonsense specs', () => {
    expect(() => sb.control.addFault({ kind: 'randomError', rate: 2 })).toThrow();
    expect(() => sb.control.addFault({ kind: 'errcode', errcode: 1, count: 0 })).toThrow();
    expect(() => sb.control.addFault({ kind: 'latency', ms: -1 })).toThrow();
  });
});
