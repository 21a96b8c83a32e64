import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { entryUrl, resolveRendererLocation } from '../../../electron/main/rendererLocation';
import { isAppUrl, isTrustedSender } from '../../../electron/main/senderCheck';

const rendererDir = join('/opt/app/resources/app.asar/out/renderer');
const built = resolveRendererLocation({ isPackaged: true, devUrl: undefined, rendererDir });
const indexUrl = pathToFileURL(join(rendererDir, 'index.html')).href;
const dev = resolveRendererLocation({ isPackaged: false, devUrl: 'http://localhost:5173/', rendererDir });

describe('renderer location', () => {
  it('uses the dev server only in an unpackaged app and only on loopback http', () => {
    expect(dev).toEqual({ kind: 'dev', url: 'http://localhost:5173/' });
    expect(
      resolveRendererLocation({ isPackaged: true, devUrl: 'http://localhost:5173/', rendererDir }).kind,
    ).toBe('file');
    for (const devUrl of [
      'https://evil.example/',
      'http://192.168.1.5:5173/',
      'file:///tmp/x.html',
      'nonsense',
    ])
      expect(resolveRendererLocation({ isPackaged: false, devUrl, rendererDir }).kind).toBe('file');
    expect(entryUrl(built)).toBe(indexUrl);
  });
});

describe('sender check', () => {
  it('accepts the built index.html, with or without hash and query', () => {
    expect(isAppUrl(indexUrl, built)).toBe(true);
    expect(isAppUrl(`${indexUrl}#/accounts`, built)).toBe(true);
    expect(isAppUrl(`${indexUrl}?x=1`, built)).toBe(true);
  });

  it('refuses any other file, origin or scheme', () => {
    for (const url of [
      pathToFileURL('/home/me/Downloads/evil.html').href,
      pathToFileURL(join(rendererDir, 'other.html')).href,
      pathToFileURL(join(rendererDir, '../renderer-copy/index.html')).href,
      'file://remote-host' + pathToFileURL(join(rendererDir, 'index.html')).pathname,
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
