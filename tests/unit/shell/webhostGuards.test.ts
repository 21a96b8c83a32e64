import { describe, expect, it } from 'vitest';
import { checkUpgrade, isAllowedHost } from '../../../electron/webhost/guards';
import { injectBridge } from '../../../electron/webhost/staticFiles';

const token = 'a'.repeat(64);
const good = {
  url: '/wxg',
  host: '127.0.0.1:4000',
  origin: 'http://127.0.0.1:4000',
  protocols: `wxg.v1, wxg.token.${token}`,
};

describe('browser host guards', () => {
  it('accepts the page of this host with this run’s token', () => {
    expect(checkUpgrade(good, 4000, token)).toEqual({ ok: true });
    expect(
      checkUpgrade({ ...good, host: 'localhost:4000', origin: 'http://localhost:4000' }, 4000, token).ok,
    ).toBe(true);
  });

  it.each([
    ['wrong token', { protocols: `wxg.v1, wxg.token.${'b'.repeat(64)}` }, 'token'],
    ['short token', { protocols: 'wxg.v1, wxg.token.aaaa' }, 'token'],
    ['no token', { protocols: 'wxg.v1' }, 'token'],
    ['no protocol', { protocols: undefined }, 'protocol'],
    ['another origin', { origin: 'https://evil.example' }, 'origin'],
    ['null origin', { origin: 'null' }, 'origin'],
    ['no origin', { origin: undefined }, 'origin'],
    ['another port in origin', { origin: 'http://127.0.0.1:4001' }, 'origin'],
    ['rebinding host', { host: 'evil.example:4000', origin: 'http://evil.example:4000' }, 'host'],
    ['another path', { url: '/other' }, 'path'],
  ])('refuses %s', (_name, change, reason) => {
    expect(checkUpgrade({ ...good, ...change }, 4000, token)).toMatchObject({ ok: false, reason });
  });

  it('checks the Host header of plain requests', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHost('LOCALHOST:4000', 4000)).toBe(true);
    expect(isAllowedHost('127.0.0.1:4001', 4000)).toBe(false);
    expect(isAllowedHost('attacker.test:4000', 4000)).toBe(false);
    expect(isAllowedHost(undefined, 4000)).toBe(false);
  });

  it('puts the bridge first in <head>, before the app’s module script', () => {
    const html = injectBridge('<html><head><script type="module" src="./a.js"></script></head></html>');
    expect(html.indexOf('/webhost-bridge.js')).toBeLessThan(html.indexOf('./a.js'));
  });
});
