// The control surface: clock, call log, state inspection and mutation, reset, and the same
// over HTTP under /__emulator/ (never logged, never a WeChat path).

import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CONTROL_PREFIX,
  DEFAULT_APPID,
  DEFAULT_SECRET,
  DEFAULT_START_TIME,
  type Emulator,
  startEmulator,
} from '../../../electron/emulator';
import { classicToken, get, post } from './helpers';

let sb: Emulator;
beforeAll(async () => {
  sb = await startEmulator({ apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 100 }] });
});
afterAll(() => sb.close());
beforeEach(() => sb.control.reset());

async function ctl(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${sb.url}${CONTROL_PREFIX}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

describe('in-process control', () => {
  it('moves the clock', () => {
    expect(sb.control.now()).toBe(DEFAULT_START_TIME);
    sb.control.advance(1000);
    expect(sb.control.now()).toBe(DEFAULT_START_TIME + 1000);
    sb.control.setTime(0);
    expect(sb.control.now()).toBe(0);
    expect(() => sb.control.advance(-1)).toThrow();
    sb.control.reset();
    expect(sb.control.now()).toBe(DEFAULT_START_TIME);
  });

  it('starts at the given startTime', async () => {
    const other = await startEmulator({
      startTime: Date.UTC(2030, 5, 1),
      apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 1 }],
    });
    expect(other.control.now()).toBe(Date.UTC(2030, 5, 1));
    expect(other.url).toBe(`http://127.0.0.1:${other.port}`);
    await other.close();
  });

  it('mutations show up over the API: follow, unfollow, setTags, createTag, remarks, blacklist', async () => {
    const s = sb.control.state();
    const t = await classicToken(sb);
    const [fresh] = s.follow(1);
    expect(s.follower(fresh)).toMatchObject({
      subscribed: true,
      subscribeTime: Math.floor(sb.control.now() / 1000),
    });
    const id = s.createTag('测试标签', [fresh]);
    expect(s.tagMembers(id)).toEqual([fresh]);
    s.setTags(fresh, [2, id]);
    expect(await post(sb, '/cgi-bin/tags/getidlist', t, { openid: fresh })).toEqual({ tagid_list: [2, id] });
    s.setRemark(fresh, '新朋友');
    s.setBlacklisted(fresh, true);
    const info = await get(sb, '/cgi-bin/user/info', t, { openid: fresh });
    expect(info).toMatchObject({ remark: '新朋友', tagid_list: [2, id] });
    expect(s.blacklist()).toContain(fresh);
    s.unfollow([fresh]);
    expect(await get(sb, '/cgi-bin/user/info', t, { openid: fresh })).toMatchObject({
      subscribe: 0,
      tagid_list: [],
    });
    expect(s.follower('nope')).toBeUndefined();
    expect(() => s.setTags(s.openids()[0], [999])).toThrow();
    expect(() => s.unfollow(['nope'])).toThrow();
  });

  it('exposes effective settings per app', () => {
    sb.control.configure({ maxTags: 5 });
    sb.control.configure({ userGetPageSize: 7 }, DEFAULT_APPID);
    expect(sb.control.settings(DEFAULT_APPID)).toMatchObject({ maxTags: 5, userGetPageSize: 7 });
    expect(sb.control.settings()).toMatchObject({ maxTags: 5, userGetPageSize: 10_000 });
    sb.control.reset();
    expect(sb.control.settings(DEFAULT_APPID).maxTags).toBe(100);
  });

  it('filters the call log by path and appid', async () => {
    const t = await classicToken(sb);
    await get(sb, '/cgi-bin/tags/get', t);
    await get(sb, '/cgi-bin/user/get', t);
    expect(sb.control.calls({ appid: DEFAULT_APPID }).map((c) => c.path)).toEqual([
      '/cgi-bin/token',
      '/cgi-bin/tags/get',
      '/cgi-bin/user/get',
    ]);
    expect(sb.control.calls({ path: '/cgi-bin/user/get' })).toHaveLength(1);
    sb.control.clearCalls();
    expect(sb.control.calls()).toEqual([]);
  });

  it('keeps a bounded call log', async () => {
    const small = await startEmulator({
      callLogLimit: 3,
      apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 1 }],
    });
    for (let k = 0; k < 5; k++) await fetch(`${small.url}/cgi-bin/x${k}`);
    expect(small.control.calls().map((c) => c.path)).toEqual(['/cgi-bin/x2', '/cgi-bin/x3', '/cgi-bin/x4']);
    await small.close();
  });
});

describe('control over HTTP', () => {
  it('reports health, moves the clock, configures, injects faults, inspects state, resets', async () => {
    expect((await ctl('GET', 'health')).json).toMatchObject({ ok: true, apps: [DEFAULT_APPID] });
    expect((await ctl('POST', 'advance', { ms: 5000 })).json).toEqual({ now: DEFAULT_START_TIME + 5000 });
    expect(sb.control.now()).toBe(DEFAULT_START_TIME + 5000);
    await ctl('POST', 'configure', { patch: { maxTags: 3 } });
    expect(sb.control.settings().maxTags).toBe(3);
    const { json } = await ctl('POST', 'faults', {
      kind: 'errcode',
      errcode: -1,
      count: 1,
      path: '/cgi-bin/tags/get',
    });
    const t = await classicToken(sb);
    expect((await get(sb, '/cgi-bin/tags/get', t)).errcode).toBe(-1);
    expect(json).toMatchObject({ id: expect.any(String) as string });
    const state = (await ctl('GET', 'state')).json as { followerCount: number; tags: unknown[] };
    expect(state.followerCount).toBe(sb.control.state().followerCount());
    expect(state.tags).toEqual(sb.control.state().tags());
    const openid = sb.control.state().openids()[0];
    expect((await ctl('GET', `follower?openid=${openid}`)).json).toEqual(sb.control.state().follower(openid));
    const followed = (await ctl('POST', 'follow', { count: 2 })).json as { openids: string[] };
    expect(followed.openids).toHaveLength(2);
    const calls = (await ctl('GET', 'calls')).json as { calls: { path: string }[] };
    expect(calls.calls.every((c) => !c.path.startsWith(CONTROL_PREFIX))).toBe(true);
    await ctl('POST', 'reset');
    expect(sb.control.now()).toBe(DEFAULT_START_TIME);
    expect(sb.control.settings().maxTags).toBe(100);
  });

  it('answers 400 for unknown or malformed control requests', async () => {
    expect((await ctl('GET', 'nope')).status).toBe(400);
    expect((await ctl('POST', 'advance', { ms: 'x' })).status).toBe(400);
    const res = await fetch(`${sb.url}${CONTROL_PREFIX}advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(res.status).toBe(400);
    expect((await ctl('POST', 'faults', { kind: 'randomError', rate: 5 })).status).toBe(422);
  });
});

describe('close()', () => {
  it('closes promptly even with open keep-alive connections and pending latency', async () => {
    const s = await startEmulator({ apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 1 }] });
    s.control.addFault({ kind: 'latency', ms: 10_000 });
    const pending = fetch(`${s.url}/cgi-bin/tags/get`).catch(() => 'failed');
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    await s.close();
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(await pending).toBe('failed');
    await s.close();
  });
});

describe('guarding the control surface (the emulator inside the app)', () => {
  const send = (url: string, init: RequestInit = {}) => fetch(url, init);
  // fetch will not send a Host header of our choosing; node:http will.
  const statusWithHost = (port: number, path: string, host: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });

  it('refuses changing control requests that are not JSON (a web page can send text/plain without asking)', async () => {
    const res = await fetch(`${sb.url}${CONTROL_PREFIX}follow`, {
      method: 'POST',
      body: JSON.stringify({ count: 5 }),
    });
    expect(res.status).toBe(415);
    const bare = await fetch(`${sb.url}${CONTROL_PREFIX}reset`, { method: 'POST' });
    expect(bare.status).toBe(415);
    expect(sb.control.state().followerCount()).toBe(sb.control.state().openids().length);
    expect(sb.control.calls()).toHaveLength(0);
  });

  it('bounds what it is told: counts, page sizes, whitelist entries, latency', async () => {
    const before = sb.control.state().followerCount();
    expect((await ctl('POST', 'follow', { count: 5_000_000 })).status).toBe(422);
    expect((await ctl('POST', 'follow', { count: 1.5 })).status).toBe(400);
    expect(sb.control.state().followerCount()).toBe(before);
    expect((await ctl('POST', 'configure', { patch: { userGetPageSize: -5 } })).status).toBe(422);
    expect((await ctl('POST', 'configure', { patch: { userGetPageSize: 20_000 } })).status).toBe(422);
    expect((await ctl('POST', 'configure', { patch: { bogus: 1 } })).status).toBe(422);
    expect(
      (await ctl('POST', 'configure', { patch: { ipWhitelist: { allowed: ['1.2.3.*'] } } })).status,
    ).toBe(422);
    expect(sb.control.settings().userGetPageSize).toBe(10_000);
    expect((await ctl('POST', 'faults', { kind: 'latency', ms: 10_000_000 })).status).toBe(422);
    expect(() => sb.control.configure({ blacklistPageSize: 0 })).toThrow(/blacklistPageSize/);
  });

  it("with controlHttp 'off' there is no control surface; allowedHosts refuses other Host headers", async () => {
    const demo = await startEmulator({
      apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 10 }],
      controlHttp: 'off',
      allowedHosts: ['127.0.0.1'],
    });
    try {
      const health = await send(`${demo.url}${CONTROL_PREFIX}health`);
      expect(health.status).toBe(404);
      const follow = await send(`${demo.url}${CONTROL_PREFIX}follow`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: 5 }),
      });
      expect(follow.status).toBe(404);
      expect(demo.control.state().followerCount()).toBeLessThanOrEqual(10);
      // DNS rebinding: a page at evil.example that resolves to 127.0.0.1 sends its own Host.
      expect(
        await statusWithHost(demo.port, '/cgi-bin/token?grant_type=client_credential', 'evil.example:80'),
      ).toBe(421);
      expect(
        await statusWithHost(
          demo.port,
          '/cgi-bin/token?grant_type=client_credential',
          `127.0.0.1:${demo.port}`,
        ),
      ).toBe(200);
      const own = await send(
        `${demo.url}/cgi-bin/token?grant_type=client_credential&appid=${DEFAULT_APPID}&secret=${DEFAULT_SECRET}`,
      );
      expect(((await own.json()) as { access_token?: string }).access_token).toBeTruthy();
      // In process, the app still drives it (the demo's reset).
      demo.control.reset();
    } finally {
      await demo.close();
    }
  });

  it('with a per-run token, control requests need it', async () => {
    const token = 'c'.repeat(32);
    const guarded = await startEmulator({
      apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 10 }],
      controlHttp: { token },
    });
    try {
      expect((await send(`${guarded.url}${CONTROL_PREFIX}health`)).status).toBe(401);
      const wrong = await send(`${guarded.url}${CONTROL_PREFIX}health`, {
        headers: { authorization: `Bearer ${'d'.repeat(32)}` },
      });
      expect(wrong.status).toBe(401);
      const ok = await send(`${guarded.url}${CONTROL_PREFIX}health`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(ok.status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
