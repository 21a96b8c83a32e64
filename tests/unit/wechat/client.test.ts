import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/appError';
import { getTags, createTag, batchTag } from '../../../electron/core/wechat/api/tags';
import { getFollowerIds, getUsers } from '../../../electron/core/wechat/api/users';
import type { WeChatClient } from '../../../electron/core/wechat/client';
import { DEFAULT_SECRET, startEmulator, type Emulator } from '../../../electron/emulator';
import { capturingLog, emulatorClient } from '../../support/emulatorClient';

let emulator: Emulator;
const clients: WeChatClient[] = [];
function client(...args: Parameters<typeof emulatorClient> extends [Emulator, ...infer R] ? R : never) {
  const c = emulatorClient(emulator, ...args);
  clients.push(c);
  return c;
}
async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}
const UNVERIFIED = { appid: 'wx00000000000000aa', secret: 'a'.repeat(32) };

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 3 });
  emulator.control.addApp({ ...UNVERIFIED, kind: 'unverified', followers: 10 });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  emulator.control.clearFaults();
  emulator.control.configure({
    ipWhitelist: { enabled: false, seenIp: '1.2.3.4', scope: 'token', variant: 'ipv6', allowed: [] },
  });
  emulator.control.clearCalls();
});
afterAll(async () => emulator.close());

describe('tokens', () => {
  it('makes exactly one token request for 100 parallel calls at a cold start', async () => {
    const c = client();
    const results = await Promise.all(Array.from({ length: 100 }, () => getTags(c)));
    expect(results).toHaveLength(100);
    expect(emulator.control.calls({ path: '/cgi-bin/stable_token' })).toHaveLength(1);
    expect(emulator.control.calls({ path: '/cgi-bin/token' })).toHaveLength(0);
    expect(emulator.control.calls({ path: '/cgi-bin/tags/get' })).toHaveLength(100);
  });

  it('reuses its token across calls and never force-refreshes', async () => {
    const c = client();
    await getTags(c);
    await getTags(c);
    const tokenCalls = emulator.control.calls({ path: '/cgi-bin/stable_token' });
    expect(tokenCalls).toHaveLength(1);
  });

  it('refreshes once and retries once when WeChat says the token expired', async () => {
    const c = client();
    await getTags(c);
    // Past the token's 7200 s on WeChat's clock: the emulator now answers 42001 for it.
    emulator.control.advance(7201 * 1000);
    emulator.control.clearCalls();
    await expect(getTags(c)).resolves.toBeInstanceOf(Array);
    const calls = emulator.control.calls().map((r) => `${r.path} ${r.errcode}`);
    expect(calls).toEqual(['/cgi-bin/tags/get 42001', '/cgi-bin/stable_token 0', '/cgi-bin/tags/get 0']);
  });

  it('says another system is force-refreshing when a fresh token is refused again', async () => {
    const c = client();
    emulator.control.addFault({ path: '/cgi-bin/tags/get', kind: 'errcode', errcode: 40001, count: 2 });
    const err = await failure(getTags(c));
    expect(err.code).toBe('TOKEN_FIGHT');
    expect(err.wechat?.errcode).toBe(40001);
    // Refreshed once, retried once — never more.
    expect(emulator.control.calls({ path: '/cgi-bin/tags/get' })).toHaveLength(2);
    expect(emulator.control.calls({ path: '/cgi-bin/stable_token' })).toHaveLength(2);
  });

  it('never refreshes or retries on 48001', async () => {
    const c = client({ appId: UNVERIFIED.appid, secret: async () => UNVERIFIED.secret });
    const err = await failure(getTags(c));
    expect(err.code).toBe('API_UNAUTHORIZED');
    expect(emulator.control.calls({ path: '/cgi-bin/tags/get' })).toHaveLength(1);
    expect(emulator.control.calls({ path: '/cgi-bin/stable_token' })).toHaveLength(1);
  });

  it('maps a wrong AppSecret and an unknown AppID to the field that is wrong', async () => {
    const badSecret = await failure(client({ secret: async () => 'b'.repeat(32) }).token());
    expect(badSecret.code).toBe('INVALID_APPSECRET');
    expect(badSecret.wechat?.errcode).toBe(40125);
    const badAppId = await failure(client({ appId: 'wx1111111111111111' }).token());
    expect(badAppId.code).toBe('INVALID_APPID');
    expect(badAppId.wechat?.errcode).toBe(40013);
  });
});

describe('retries', () => {
  it('retries -1 twice and then succeeds', async () => {
    const c = client();
    await c.token();
    emulator.control.addFault({ path: '/cgi-bin/tags/get', kind: 'errcode', errcode: -1, count: 2 });
    await expect(getTags(c)).resolves.toBeInstanceOf(Array);
    expect(emulator.control.calls({ path: '/cgi-bin/tags/get' }).map((r) => r.errcode)).toEqual([-1, -1, 0]);
  });

  it('retries HTTP 502 on reads', async () => {
    const c = client();
    await c.token();
    emulator.control.addFault({ path: '/cgi-bin/user/get', kind: 'http502', count: 1 });
    const page = await getFollowerIds(c);
    expect(page.openids.length).toBeGreaterThan(0);
  });

  it('does not retry 45009 (daily quota)', async () => {
    const c = client();
    await c.token();
    emulator.control.addFault({
      path: '/cgi-bin/user/info/batchget',
      kind: 'errcode',
      errcode: 45009,
      count: 1,
    });
    const err = await failure(getUsers(c, ['oABC']));
    expect(err.code).toBe('QUOTA_DAILY');
    expect(emulator.control.calls({ path: '/cgi-bin/user/info/batchget' })).toHaveLength(1);
  });

  it('gives up after a bounded number of tries', async () => {
    const c = client();
    await c.token();
    emulator.control.addFault({ path: '/cgi-bin/tags/get', kind: 'errcode', errcode: -1, count: 100 });
    const err = await failure(getTags(c));
    expect(err.code).toBe('SYSTEM_BUSY');
    expect(err.retryable).toBe(true);
    expect(emulator.control.calls({ path: '/cgi-bin/tags/get' })).toHaveLength(6);
  });

  it('never repeats tags/create, which is not safe to send twice', async () => {
    const c = client();
    await c.token();
    emulator.control.addFault({ path: '/cgi-bin/tags/create', kind: 'errcode', errcode: -1, count: 1 });
    const err = await failure(createTag(c, '新标签'));
    expect(err.code).toBe('SYSTEM_BUSY');
    expect(emulator.control.calls({ path: '/cgi-bin/tags/create' })).toHaveLength(1);
  });

  it('reports 45171 with the openids that failed', async () => {
    const c = client();
    const tags = await getTags(c);
    const openids = emulator.control.state().openids({ subscribedOnly: true }).slice(0, 5);
    emulator.control.addFault({ kind: 'partialFail', openids: [openids[1] as string], count: 1 });
    const tagId = tags.find((t) => t.id >= 100)?.id as number;
    const err = await failure(batchTag(c, tagId, openids));
    expect(err.code).toBe('PARTIAL_FAILURE');
    expect(err.params['failed']).toEqual([openids[1]]);
  });

  it('turns an unknown errcode into a readable error with the number and the rid', async () => {
    const c = client();
    await c.token();
    emulator.control.addFault({
      path: '/cgi-bin/tags/get',
      kind: 'errcode',
      errcode: 99999,
      count: 1,
      errmsg: 'brand new failure',
    });
    const err = await failure(getTags(c));
    expect(err.code).toBe('WECHAT_UNKNOWN');
    expect(err.params).toMatchObject({ errcode: 99999, errmsg: 'brand new failure' });
    expect(err.wechat?.rid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
  });
});

describe('IP whitelist', () => {
  for (const variant of ['ipv6', 'hint', 'plain'] as const) {
    it(`reads the IP WeChat saw from the ${variant} form of 40164`, async () => {
      emulator.control.configure({
        ipWhitelist: { enabled: true, seenIp: '118.190.42.90', scope: 'token', variant, allowed: [] },
      });
      const err = await failure(client().token());
      expect(err.code).toBe('IP_NOT_WHITELISTED');
      expect(err.params['ip']).toBe('118.190.42.90');
      if (variant !== 'plain')
        expect(err.params['ipv6'] ?? '::ffff:118.190.42.90').toBe('::ffff:118.190.42.90');
    });
  }
});

describe('hosts and network', () => {
  it('fails over when the primary host resets connections, and stays on the backup', async () => {
    emulator.control.addFault({ kind: 'hostDown', host: 'api.weixin.qq.com' });
    const c = client();
    await getTags(c);
    await getTags(c);
    const hosts = emulator.control.calls().map((r) => `${r.host.split(':')[0]} ${r.path}`);
    expect(hosts.filter((h) => h.startsWith('api.weixin'))).toEqual([
      'api.weixin.qq.com /cgi-bin/stable_token',
    ]);
    expect(hosts.filter((h) => h.startsWith('api2.weixin'))).toEqual([
      'api2.weixin.qq.com /cgi-bin/stable_token',
      'api2.weixin.qq.com /cgi-bin/tags/get',
      'api2.weixin.qq.com /cgi-bin/tags/get',
    ]);
  });

  it('tries the primary again once the backup period is over', async () => {
    let now = 1_000_000;
    emulator.control.addFault({ kind: 'hostDown', host: 'api.weixin.qq.com' });
    const c = client({ now: () => now, retryPrimaryAfterMs: 60_000 });
    await getTags(c);
    emulator.control.clearFaults();
    now += 61_000;
    emulator.control.clearCalls();
    await getTags(c);
    expect(emulator.control.calls().map((r) => r.host.split(':')[0])).toEqual(['api.weixin.qq.com']);
  });

  it('never fails over on an errcode', async () => {
    const c = client();
    await c.token();
    emulator.control.addFault({ path: '/cgi-bin/tags/get', kind: 'errcode', errcode: 45009, count: 1 });
    await failure(getTags(c));
    expect(emulator.control.calls({ path: '/cgi-bin/tags/get' }).map((r) => r.host.split(':')[0])).toEqual([
      'api.weixin.qq.com',
    ]);
  });

  it('says the network is down when no host answers', async () => {
    const c = emulatorClient(emulator, { hosts: ['http://127.0.0.1:1'], resolveTo: undefined });
    clients.push(c);
    const err = await failure(getTags(c));
    expect(err.code).toBe('NETWORK');
  });

  describe('through a custom HTTP proxy', () => {
    let proxy: Server;
    let proxied = 0;
    beforeAll(async () => {
      // A tiny forward proxy: absolute-form requests in, the emulator on 127.0.0.1 behind it.
      proxy = createServer((req, res) => {
        proxied++;
        const target = new URL(req.url ?? '/');
        const upstream = httpRequest(
          {
            host: '127.0.0.1',
            port: emulator.port,
            path: target.pathname + target.search,
            method: req.method,
            headers: req.headers,
          },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
        );
        req.pipe(upstream);
      });
      await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    });
    afterAll(async () => new Promise<void>((r) => proxy.close(() => r())));

    it('carries every request', async () => {
      const port = (proxy.address() as AddressInfo).port;
      const c = emulatorClient(emulator, {
        network: { mode: 'proxy', proxyUrl: `http://127.0.0.1:${port}` },
        resolveTo: undefined,
      });
      clients.push(c);
      await getTags(c);
      await getFollowerIds(c);
      expect(proxied).toBe(3);
      expect(emulator.control.calls()).toHaveLength(3);
    });
  });
});

describe('secrets', () => {
  it('never writes the AppSecret or a token to the log', async () => {
    const log = capturingLog();
    emulator.control.addFault({ kind: 'hostDown', host: 'api.weixin.qq.com' });
    const c = client({ log });
    await getTags(c);
    emulator.control.addFault({ path: '/cgi-bin/tags/get', kind: 'errcode', errcode: 40001, count: 2 });
    await failure(getTags(c));
    expect(log.lines.length).toBeGreaterThan(0);
    const text = log.lines.join('\n');
    expect(text).not.toContain(DEFAULT_SECRET);
    expect(text).not.toMatch(/access_token=/);
    // stable_token in normal mode hands back the current token: it must not be in the log.
    const res = await fetch(`${emulator.url}/cgi-bin/stable_token`, {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credential', appid: c.appId, secret: DEFAULT_SECRET }),
    });
    const { access_token } = (await res.json()) as { access_token: string };
    expect(access_token.length).toBeGreaterThan(10);
    expect(text).not.toContain(access_token);
  });

  it('sends non-ASCII text as raw UTF-8, not \\u escapes', async () => {
    const c = client();
    const tag = await createTag(c, '老顾客回访');
    expect(tag.name).toBe('老顾客回访');
    const [call] = emulator.control.calls({ path: '/cgi-bin/tags/create' });
    // 5 Chinese characters are 15 bytes raw; as \uXXXX escapes they would be 30.
    expect(call?.bodyBytes).toBe(Buffer.byteLength('{"tag":{"name":"老顾客回访"}}'));
  });
});
