import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mayUsePermission } from '../../../electron/main/permissions';
import { resolveRendererLocation } from '../../../electron/main/rendererLocation';
import { isAppUrl, isTrustedSender } from '../../../electron/main/senderCheck';

const rendererDir = join('/opt/app/resources/app.asar/out/renderer');
const built = resolveRendererLocation({ isPackaged: true, devUrl: undefined, rendererDir });
const indexUrl = 'app://renderer/index.html';
const dev = resolveRendererLocation({ isPackaged: false, devUrl: 'http://localhost:5173/', rendererDir });

describe('renderer location', () => {
  it('uses the dev server only in an unpackaged app and only on loopback http', () => {
    expect(dev).toEqual({ kind: 'dev', url: 'http://localhost:5173/' });
    expect(
      resolveRendererLocation({ isPackaged: true, devUrl: 'http://localhost:5173/', rendererDir }).kind,
    ).toBe('app');
    for (const devUrl of [
      'https://evil.example/',
      'http://192.168.1.5:5173/',
      'file:///tmp/x.html',
      'nonsense',
    ])
      expect(resolveRendererLocation({ isPackaged: false, devUrl, rendererDir }).kind).toBe('app');
  });
});

describe('sender check', () => {
  it('accepts the app page, with or without hash and query, and its other paths', () => {
    expect(isAppUrl(indexUrl, built)).toBe(true);
    expect(isAppUrl(`${indexUrl}#/accounts`, built)).toBe(true);
    expect(isAppUrl(`${indexUrl}?x=1`, built)).toBe(true);
    expect(isAppUrl('app://renderer/', built)).toBe(true);
  });

  it('does not depend on where or how the app is installed (Windows drive-letter case)', () => {
    // Chromium reported file:///C:/… for a page Node named file:///c:/…, and IPC was refused. The
    // page's URL is now app://renderer/… whatever the install path; hosts are case-insensitive.
    for (const dir of [
      'c:\\Users\\me\\AppData\\Local\\Programs\\app\\out\\renderer',
      'C:\\Program Files\\x',
    ]) {
      const location = resolveRendererLocation({ isPackaged: true, devUrl: undefined, rendererDir: dir });
      expect(isAppUrl('app://renderer/index.html', location)).toBe(true);
      expect(isAppUrl('app://RENDERER/index.html', location)).toBe(true);
      expect(isTrustedSender({ url: 'app://renderer/index.html#/', isTopFrame: true }, location)).toBe(true);
    }
  });

  it('refuses any file: page, other origin or scheme', () => {
    for (const url of [
      pathToFileURL(join(rendererDir, 'index.html')).href,
      pathToFileURL('/home/me/Downloads/evil.html').href,
      'file:///C:/Users/me/AppData/Local/Programs/app/out/renderer/index.html',
      'app://other/index.html',
      'app://renderer.evil/index.html',
      'app://user@renderer/index.html',
      'http://renderer/index.html',
      'http://localhost:5173/',
      'https://mp.weixin.qq.com/',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      'data:text/html,<script>1</script>',
      '',
      'not a url',
    ])
      expect(isAppUrl(url, built), url).toBe(false);
    expect(isAppUrl(null, built)).toBe(false);
    expect(isAppUrl(undefined, built)).toBe(false);
  });

  it('in development accepts only the dev server origin', () => {
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx#x', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl(indexUrl, dev)).toBe(false);
  });

  it('trusts only the top-level frame of the app page', () => {
    expect(isTrustedSender({ url: indexUrl, isTopFrame: true }, built)).toBe(true);
    expect(isTrustedSender({ url: indexUrl, isTopFrame: false }, built)).toBe(false);
    expect(isTrustedSender(null, built)).toBe(false);
  });
});

describe('permissions', () => {
  it("grant clipboard writing to the app's origin, as Chromium passes it to the check (an origin)", () => {
    // The check handler gets 'app://renderer' (no path); the request handler gets the page URL.
    expect(mayUsePermission('clipboard-sanitized-write', 'app://renderer', built)).toBe(true);
    expect(mayUsePermission('clipboard-sanitized-write', 'app://renderer/', built)).toBe(true);
    expect(mayUsePermission('clipboard-sanitized-write', 'app://renderer/index.html#/x', built)).toBe(true);
    expect(mayUsePermission('clipboard-sanitized-write', 'http://localhost:5173', dev)).toBe(true);
  });

  it('deny everything else, and the clipboard to any other origin', () => {
    for (const permission of [
      'notifications',
      'media',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'hid',
    ])
      expect(mayUsePermission(permission, 'app://renderer', built), permission).toBe(false);
    for (const origin of ['file://', 'file:///', 'null', '', 'app://other', 'https://mp.weixin.qq.com'])
      expect(mayUsePermission('clipboard-sanitized-write', origin, built), origin).toBe(false);
    expect(mayUsePermission('clipboard-sanitized-write', null, built)).toBe(false);
  });
});
