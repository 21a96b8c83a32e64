// Response conventions (doc §0 / §9.1–2): HTTP 200 with errcode bodies, rid suffix, data bodies
// without errcode, validation order, method checks, bad input.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_APPID, type Sandbox, startSandbox } from '../../../electron/sandbox/index';
import { RID, call, classicToken, get, post, raw } from './helpers';

let sb: Sandbox;
let token: string;

beforeAll(async () => {
  sb = await startSandbox();
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
