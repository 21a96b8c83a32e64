// Response conventions (doc §0 / §9.1–2): HTTP 200 with errcode bodies, rid suffix, data bodies
// without errcode, validation order, method checks, bad input.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_APPID, type Emulator, startEmulator } from '../../../electron/emulator';
import { RID, call, classicToken, get, post, raw } from './helpers';

let sb: Emulator;
let token: string;

beforeAll(async () => {
  sb = await startEmulator();
});
afterAll(() => sb.close());
beforeEach(async () => {
  sb.control.reset();
  token = await classicToken(sb);
});

describe('response conventions', () => {
  it('answers WeChat errors with HTTP 200 and errcode + errmsg with a rid whose first group is the clock in hex', async () => {
    const res = await raw(sb, '/cgi-bin/tags/get', { token: 'bad token!' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { errcode: number; errmsg: string };
    expect(body.errcode).toBe(40014);
    expect(body.errmsg).toMatch(RID);
    const hex = Math.floor(sb.control.now() / 1000).toString(16);
    expect(body.errmsg).toContain(`rid: ${hex}-`);
  });

  it('returns data bodies without errcode and writes as {"errcode":0,"errmsg":"ok"}', async () => {
    const tags = await get(sb, '/cgi-bin/tags/get', token);
    expect(tags).not.toHaveProperty('errcode');
    const created = await post(sb, '/cgi-bin/tags/create', token, { tag: { name: '测试' } });
    expect(created).not.toHaveProperty('errcode');
    const id = (created.tag as { id: number }).id;
    expect(await post(sb, '/cgi-bin/tags/update', token, { tag: { id, name: '测试2' } })).toEqual({
      errcode: 0,
      errmsg: 'ok',
    });
  });
});

describe('validation order (§0)', () => {
  it('checks the token first: missing 41001, malformed 40014, unknown 40001', async () => {
    expect((await call(sb, '/cgi-bin/tags/get')).errcode).toBe(41001);
    expect((await call(sb, '/cgi-bin/tags/get', { token: 'bad token!' })).errcode).toBe(40014);
    expect((await call(sb, '/cgi-bin/tags/get', { token: 'A'.repeat(140) })).errcode).toBe(40001);
    // Token before method: a POST-only path with a bad token answers the token error.
    expect((await call(sb, '/cgi-bin/tags/create', { token: 'A'.repeat(140) })).errcode).toBe(40001);
  });

  it('then the method (43001 / 43002), then the body, then parameters', async () => {
    expect((await call(sb, '/cgi-bin/tags/get', { token, method: 'POST', body: {} })).errcode).toBe(43001);
    expect((await call(sb, '/cgi-bin/tags/create', { token })).errcode).toBe(43002);
    expect((await call(sb, '/cgi-bin/tags/create', { token, method: 'POST' })).errcode).toBe(44002);
    expect((await call(sb, '/cgi-bin/tags/create', { token, body: '{"tag":' })).errcode).toBe(47001);
    expect((await post(sb, '/cgi-bin/tags/create', token, { tag: { name: '' } })).errcode).toBe(45157);
  });

  it('logs every call with host, path, appid, body size and errcode', async () => {
    sb.control.clearCalls();
    await post(sb, '/cgi-bin/tags/create', token, { tag: { name: '日志' } });
    await call(sb, '/cgi-bin/tags/get', { token: 'x' });
    const calls = sb.control.calls();
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({
      path: '/cgi-bin/tags/create',
      method: 'POST',
      appid: DEFAULT_APPID,
      host: '127.0.0.1',
      errcode: 0,
    });
    expect(calls[0].bodyBytes).toBe(Buffer.byteLength(JSON.stringify({ tag: { name: '日志' } })));
    expect(calls[1]).toMatchObject({ appid: null, errcode: 40001 });
    expect(sb.control.calls({ path: '/cgi-bin/tags/get' })).toHaveLength(1);
  });
});

describe('bad input never crashes the server', () => {
  it('answers unknown paths with 40066 invalid url, with or without a token', async () => {
    for (const path of ['/cgi-bin/nope', '/cgi-bin/tags/unknown', '/', '/favicon.ico', '/cgi-bin/token/x']) {
      const r = await call(sb, path, { token });
      expect(r.errcode, path).toBe(40066);
      expect(r.errmsg).toMatch(/^invalid url rid: /);
    }
    expect((await call(sb, '/cgi-bin/nope')).errcode).toBe(40066);
  });

  it('44002 for an empty or blank body, 47001 for malformed JSON or non-objects', async () => {
    const p = (body: string) => call(sb, '/cgi-bin/tags/create', { token, body, method: 'POST' });
    expect((await p('')).errcode).toBe(44002);
    expect((await p('  \n')).errcode).toBe(44002);
    for (const body of ['{', 'null', '[]', '42', '"x"', '{"tag":{"name":"a"}} trailing', 'name=x']) {
      expect((await p(body)).errcode, body).toBe(47001);
    }
  });

  it('takes raw UTF-8 and refuses \\uXXXX escapes of non-ASCII text (40033) unless configured', async () => {
    const rawName = await post(sb, '/cgi-bin/tags/create', token, { tag: { name: '会员😀' } });
    expect(rawName.tag).toMatchObject({ name: '会员😀' });
    const escaped = '{"tag":{"name":"\\u5e7f\\u4e1c"}}';
    const r = await call(sb, '/cgi-bin/tags/create', { token, body: escaped });
    expect(r.errcode).toBe(40033);
    expect(r.errmsg).toContain('\\uxxxx');
    // ASCII escapes are fine.
    expect(
      (await call(sb, '/cgi-bin/tags/create', { token, body: '{"tag":{"name":"\\u0041B"}}' })).tag,
    ).toMatchObject({
      name: 'AB',
    });
    expect(
      (await call(sb, '/cgi-bin/tags/create', { token, body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }))
        .errcode,
    ).toBe(40033);
    sb.control.configure({ unicodeEscapes: 'accept' });
    expect((await call(sb, '/cgi-bin/tags/create', { token, body: escaped })).tag).toMatchObject({
      name: '广东',
    });
  });

  it('answers other methods like the wrong one (43001 / 43002)', async () => {
    expect((await call(sb, '/cgi-bin/tags/get', { token, method: 'DELETE' })).errcode).toBe(43001);
    expect((await call(sb, '/cgi-bin/tags/create', { token, method: 'PUT', body: '{}' })).errcode).toBe(
      43002,
    );
    expect((await call(sb, '/cgi-bin/tags/create', { token, method: 'GET' })).errcode).toBe(43002);
  });

  it('rejects bodies over 1 MB with HTTP 413 and keeps the connection usable', async () => {
    const { Client } = await import('undici');
    const client = new Client(sb.url, { pipelining: 1 });
    try {
      const big = JSON.stringify({ tag: { name: 'x'.repeat(2 * 1024 * 1024) } });
      const res = await client.request({
        path: `/cgi-bin/tags/create?access_token=${token}`,
        method: 'POST',
        body: big,
      });
      expect(res.statusCode).toBe(413);
      await res.body.text();
      const next = await client.request({ path: `/cgi-bin/tags/get?access_token=${token}`, method: 'GET' });
      expect(next.statusCode).toBe(200);
      expect(await next.body.json()).toHaveProperty('tags');
      // Exactly 1 MB is still accepted (and then judged on content).
      const edge = `{"tag":{"name":"${'y'.repeat(1024 * 1024 - 20)}"}}`;
      expect(Buffer.byteLength(edge)).toBeLessThanOrEqual(1024 * 1024);
      const ok = await client.request({
        path: `/cgi-bin/tags/create?access_token=${token}`,
        method: 'POST',
        body: edge,
      });
      expect(ok.statusCode).toBe(200);
      expect(await ok.body.json()).toMatchObject({ errcode: 45158 });
    } finally {
      await client.close();
    }
    expect(sb.control.calls({ path: '/cgi-bin/tags/create' })[0].errcode).toBe(-413);
  });

  it('survives garbage: odd types, deep nesting, long queries, aborted requests, broken HTTP', async () => {
    const bodies: unknown[] = [
      { openid_list: 'abc', tagid: 'x' },
      { openid_list: [null, {}, []], tagid: {} },
      { openid_list: Array.from({ length: 50 }, () => 'o'.repeat(28)), tagid: 100 },
      JSON.parse('{"a":' + '['.repeat(2000) + ']'.repeat(2000) + '}') as unknown,
      { user_list: [1, 'a', null] },
      { tag: { id: 1e300, name: ['x'] } },
      { begin_openid: 42 },
    ];
    const paths = [
      'tags/members/batchtagging',
      'tags/members/batchuntagging',
      'user/info/batchget',
      'tags/create',
      'tags/update',
      'tags/delete',
      'tags/members/getblacklist',
      'user/tag/get',
      'groups/members/batchupdate',
      'groups/create',
      'user/info/updateremark',
      'tags/getidlist',
      'openapi/quota/get',
      'clear_quota',
    ];
    for (const path of paths) {
      for (const body of bodies) {
        const r = await post(sb, `/cgi-bin/${path}`, token, body);
        expect(typeof r.errcode === 'number' || r.errcode === undefined).toBe(true);
        expect(r.errcode).not.toBe(-1);
      }
    }
    expect(
      (await call(sb, '/cgi-bin/user/get', { token, query: { next_openid: 'x'.repeat(5000) } })).errcode,
    ).toBe(40003);
    const huge = await raw(sb, '/cgi-bin/user/get', { token, query: { next_openid: 'x'.repeat(20_000) } });
    expect(huge.status).toBe(431);
    // An aborted upload and a malformed request line must not disturb the server.
    const net = await import('node:net');
    await new Promise<void>((resolve) => {
      const s = net.connect(sb.port, '127.0.0.1', () => {
        s.write('POST /cgi-bin/tags/create HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"ta');
        setTimeout(() => s.destroy(), 20);
      });
      s.on('close', () => resolve());
    });
    await new Promise<void>((resolve) => {
      const s = net.connect(sb.port, '127.0.0.1', () => s.write('NOT HTTP AT ALL\r\n\r\n'));
      s.on('data', () => {});
      s.on('close', () => resolve());
      s.on('error', () => resolve());
    });
    expect(await get(sb, '/cgi-bin/tags/get', token)).toHaveProperty('tags');
  });

  it('serves any Host header', async () => {
    const { request } = await import('undici');
    for (const host of [
      'api.weixin.qq.com',
      'api2.weixin.qq.com',
      'sh.api.weixin.qq.com',
      'example.test:8443',
    ]) {
      const res = await request(`${sb.url}/cgi-bin/tags/get?access_token=${token}`, { headers: { host } });
      expect(res.statusCode).toBe(200);
      expect(await res.body.json()).toHaveProperty('tags');
    }
    expect(
      sb.control
        .calls()
        .slice(-4)
        .map((c) => c.host),
    ).toEqual(['api.weixin.qq.com', 'api2.weixin.qq.com', 'sh.api.weixin.qq.com', 'example.test']);
  });
});
