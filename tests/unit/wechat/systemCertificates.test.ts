import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getCACertificates } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, trustedCertificates, type CaSource } from '../../../electron/core/wechat/network';
import { exchange, NetworkFailure } from '../../../electron/core/wechat/transport';

// An owner behind HTTPS-inspecting antivirus or a company proxy: WeChat's answers arrive signed by
// a root certificate that the operating system trusts and Node's bundled list does not. Here that
// root is a test CA (tests/fixtures/tls), and the "system store" is a CaSource that returns it.

const fixtures = join(import.meta.dirname, '../../fixtures/tls');
const companyRoot = readFileSync(join(fixtures, 'ca.pem'), 'utf8');
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer(
    { key: readFileSync(join(fixtures, 'server.key')), cert: readFileSync(join(fixtures, 'server.pem')) },
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"errcode":0}');
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://api.weixin.qq.com:${(server.address() as AddressInfo).port}/cgi-bin/tags/get`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const options = { connectTimeoutMs: 2_000, responseTimeoutMs: 2_000, resolveTo: '127.0.0.1' };
/** Node's real default list, and a system store holding `system` (or one that cannot be read). */
const source =
  (system: readonly string[] | 'unreadable'): CaSource =>
  (kind) => {
    if (kind === 'default') return getCACertificates('default');
    if (system === 'unreadable') throw new Error('no system store here');
    return system;
  };

describe('certificates the WeChat calls trust', () => {
  it('include the system store: a root only the system trusts is accepted', async () => {
    const dispatcher = createDispatcher(null, {
      ...options,
      trust: trustedCertificates(source([companyRoot])),
    });
    try {
      expect(await exchange(dispatcher, url, 'GET', undefined)).toEqual({
        status: 200,
        json: { errcode: 0 },
      });
    } finally {
      await dispatcher.close();
    }
  });

  it('still refuse a certificate nobody trusts, as a certificate failure before anything was sent', async () => {
    for (const trust of [
      trustedCertificates(source([])),
      trustedCertificates(source('unreadable')),
      undefined,
    ]) {
      const dispatcher = createDispatcher(null, { ...options, ...(trust ? { trust } : {}) });
      try {
        const error: unknown = await exchange(dispatcher, url, 'GET', undefined).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(NetworkFailure);
        expect((error as NetworkFailure).beforeSend).toBe(true);
        expect((error as NetworkFailure).reason).toMatch(/CERT|SIGNED|VERIFY|ISSUER/);
      } finally {
        await dispatcher.close();
      }
    }
  });
});
