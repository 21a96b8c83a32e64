import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { channelNames, channels, type Result } from '#contract';
import { startWebHost, type WebHost } from '../../../electron/webhost/server';
import { MAX_FRAME_BYTES, subprotocol, tokenProtocolPrefix } from '../../../electron/webhost/protocol';
import { malformedPayload, random } from './fuzz';

let host: WebHost;
const quietLog = { info: () => {}, warn: () => {}, error: () => {} };

beforeAll(async () => {
  // A stand-in for the built renderer, so this test does not depend on `npm run build`.
  const rendererDir = mkdtempSync(join(tmpdir(), 'fg-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startWebHost({
    dataDir: mkdtempSync(join(tmpdir(), 'fg-webhost-')),
    rendererDir,
    log: quietLog,
  });
}, 60_000);
afterAll(async () => host?.close());

function open(options: { token?: string; origin?: string; protocols?: string[] } = {}): Promise<WebSocket> {
  const protocols = options.protocols ?? [
    subprotocol,
    `${tokenProtocolPrefix}${options.token ?? host.token}`,
  ];
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/wxg`, protocols, {
    origin: options.origin ?? `http://127.0.0.1:${host.port}`,
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Sends raw frames and collects one answer per frame, by id. */
function client(ws: WebSocket) {
  const waiting = new Map<number | null, (result: Result<unknown>) => void>();
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as { type: string; id: number | null; result: Result<unknown> };
    if (frame.type === 'result') waiting.get(frame.id)?.(frame.result);
  });
  return {
    call(id: number | null, raw: string): Promise<Result<unknown>> {
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        ws.send(raw);
      });
    },
  };
}

describe('browser host', () => {
  it('prints a URL that carries the token only in its fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves the renderer with the bridge, content types and security headers', async () => {
    const page = await fetch(host.origin);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await page.text();
    expect(html).toContain('<script src="/webhost-bridge.js"></script>');
    expect(html).not.toContain(host.token);

    const bridge = await fetch(`${host.origin}webhost-bridge.js`);
    expect(bridge.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await bridge.text()).toContain('wxg.v1');
    expect((await fetch(`${host.origin}assets/app.js`)).headers.get('content-type')).toContain(
      'text/javascript',
    );
    expect((await fetch(`${host.origin}accounts/123`)).status).toBe(200); // client-side route
    expect((await fetch(`${host.origin}assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${host.origin}..%2f..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(host.origin, { method: 'POST' })).status).toBe(405);
  });

  it('refuses requests that name another host (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number | undefined>((resolve) =>
      request({ host: '127.0.0.1', port: host.port, path: '/', headers: { host: 'evil.example' } }, (res) =>
        resolve(res.statusCode),
      ).end(),
    );
    expect(status).toBe(403);
  });

  it('refuses sockets with a wrong or missing token, or from another origin', async () => {
    await expect(open({ token: 'f'.repeat(64) })).rejects.toThrow('HTTP 403');
    await expect(open({ protocols: [subprotocol] })).rejects.toThrow('HTTP 403');
    await expect(open({ origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(open({ origin: `http://localhost:${host.port + 1}` })).rejects.toThrow('HTTP 403');
  });

  it('carries the contract: a call is dispatched and answered by id', async () => {
    const ws = await open();
    expect(ws.protocol).toBe(subprotocol);
    const c = client(ws);
    const info = await c.call(1, JSON.stringify({ id: 1, channel: 'app:info', payload: {} }));
    expect(info).toMatchObject({
      ok: true,
      data: { name: '粉丝分组助手', demoAvailable: expect.any(Boolean) },
    });
    const settings = await c.call(
      2,
      JSON.stringify({ id: 2, channel: 'settings:set', payload: { theme: 'dark' } }),
    );
    expect(settings).toMatchObject({ ok: true, data: { theme: 'dark' } });
    ws.close();
  });

  it('pushes core events to the socket', async () => {
    const ws = await open();
    const received = new Promise<unknown>((resolve) =>
      ws.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as { type: string };
        if (frame.type === 'event') resolve(frame);
      }),
    );
    host.services.events.emit('accounts:changed', {});
    expect(await received).toEqual({ type: 'event', name: 'accounts:changed', payload: {} });
    ws.close();
  });

  it('answers unreadable frames with BAD_INPUT and keeps the socket open', async () => {
    const ws = await open();
    const c = client(ws);
    expect(await c.call(null, 'not json')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await c.call(null, JSON.stringify({ channel: 'app:info' }))).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await c.call(7, JSON.stringify({ id: 7, channel: 5, payload: {} }))).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await c.call(8, JSON.stringify({ id: 8, channel: 'nope:nope', payload: {} }))).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });

  it('fuzz over the socket: malformed payloads to every channel are all BAD_INPUT', async () => {
    const ws = await open();
    const c = client(ws);
    const perChannel = 100;
    const rng = random(42);
    let sent = 0;
    const codes = new Map<string, number>();
    for (const channel of channelNames) {
      const calls: Promise<Result<unknown>>[] = [];
      for (let i = 0; i < perChannel; i++) {
        const { payload } = malformedPayload(channel, rng);
        const encoded = JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
        // JSON has no undefined, NaN or symbols: what arrives must still be malformed, else skip it.
        if (encoded === undefined || channels[channel].input.safeParse(JSON.parse(encoded)).success) continue;
        const id = ++sent;
        calls.push(c.call(id, `{"id":${id},"channel":${JSON.stringify(channel)},"payload":${encoded}}`));
      }
      for (const result of await Promise.all(calls)) {
        const code = result.ok ? 'OK' : result.error.code;
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
    }
    console.log(
      `[fuzz] webhost socket: ${sent} frames over ${channelNames.length} channels →`,
      Object.fromEntries(codes),
    );
    expect(Object.fromEntries(codes)).toEqual({ BAD_INPUT: sent });
    expect(sent).toBeGreaterThan(channelNames.length * perChannel * 0.8);
    ws.close();
  });

  describe('bad frames close one socket, never the host', () => {
    const closed = (ws: WebSocket) =>
      new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const stillServes = async () => {
      const ws = await open();
      const answer = await client(ws).call(1, JSON.stringify({ id: 1, channel: 'app:info', payload: {} }));
      ws.close();
      return answer.ok;
    };

    it('a WebSocket protocol error (a reserved bit set) closes that socket; the host answers the next one', async () => {
      const ws = await open();
      ws.on('error', () => {});
      const code = closed(ws);
      // FIN + RSV1 + text, masked, empty: no extension was agreed, so RSV1 is a protocol error.
      (ws as unknown as { _socket: import('node:net').Socket })._socket.write(
        Buffer.from([0xc1, 0x80, 0, 0, 0, 0]),
      );
      expect(await code).toBe(1002);
      expect(await stillServes()).toBe(true);
    });

    it('a frame over the limit closes that socket (1009); the host answers the next one', async () => {
      const ws = await open();
      ws.on('error', () => {});
      const code = closed(ws);
      ws.send('x'.repeat(MAX_FRAME_BYTES + 1));
      expect(await code).toBe(1009);
      expect(await stillServes()).toBe(true);
    });

    it('a jobs:start naming 40 000 followers (> 1 MiB) is answered, not dropped', async () => {
      const ws = await open();
      const openids = Array.from({ length: 40_000 }, (_, i) => `o${String(i).padStart(27, '0')}`);
      const frame = JSON.stringify({
        id: 9,
        channel: 'jobs:start',
        payload: { accountId: 'no-such-account', kind: 'blacklist', selection: { openids } },
      });
      expect(frame.length).toBeGreaterThan(1024 * 1024);
      const answer = await client(ws).call(9, frame);
      // Read and validated: the account does not exist, said as a result on the same socket.
      expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(ws.readyState).toBe(WebSocket.OPEN);
      ws.close();
    });
  });
});
