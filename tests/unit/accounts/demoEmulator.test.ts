// Issue 17 item 9: the demo's emulator runs inside the app on a loopback port. Nothing but the
// app's own client may drive it: no control surface over HTTP, and only requests addressed to
// 127.0.0.1 itself are served (a web page rebinding its own name to 127.0.0.1 is refused).

import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { DemoEnvironment } from '../../../electron/core/accounts/demoEnvironment';
import { demoEmulator } from '../../../electron/hostShared/demoEmulator';

const demo = new DemoEnvironment(demoEmulator());
afterAll(() => demo.close());

function statusOf(url: string, path: string, init: { method?: string; host?: string; body?: string } = {}) {
  const { port } = new URL(url);
  return new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(port),
        path,
        method: init.method ?? 'GET',
        headers: {
          ...(init.host ? { host: init.host } : {}),
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('the demo emulator inside the app', () => {
  it('has no control surface over HTTP', async () => {
    const url = await demo.url();
    expect(await statusOf(url, '/__emulator/health')).toBe(404);
    expect(await statusOf(url, '/__emulator/follow', { method: 'POST', body: '{"count":5000000}' })).toBe(
      404,
    );
    expect(await statusOf(url, '/__emulator/configure', { method: 'POST', body: '{"patch":{}}' })).toBe(404);
  });

  it('answers its own address and refuses any other Host header', async () => {
    const url = await demo.url();
    const token = `/cgi-bin/token?grant_type=client_credential&appid=${demo.appId}&secret=${demo.secret}`;
    expect(await statusOf(url, token)).toBe(200);
    expect(await statusOf(url, token, { host: 'attacker.example' })).toBe(421);
    expect(await statusOf(url, token, { host: 'localhost.attacker.example:80' })).toBe(421);
  });
});
