import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appEntryUrl,
  appSchemePrivileges,
  appUrlToFile,
  handleAppProtocol,
  serveAppRequest,
} from '../../../electron/main/appProtocol';
import { electronFuses } from '../../../electron-builder';
import { contentSecurityPolicy } from '../../../electron/hostShared/csp';
import { entryUrl, resolveRendererLocation } from '../../../electron/main/rendererLocation';

const root = mkdtempSync(join(tmpdir(), 'fg-renderer-'));
const rendererDir = join(root, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(rendererDir, 'assets', 'main-abc.js'), 'console.log(1)');
writeFileSync(join(rendererDir, 'assets', 'a b.css'), 'body{}');
// Next to the renderer folder, where a traversal would land.
writeFileSync(join(root, 'secret.txt'), 'not for the page');

describe('app:// URL → file', () => {
  it('maps the renderer files, / to index.html', () => {
    expect(appUrlToFile('app://renderer/index.html', rendererDir)).toBe(join(rendererDir, 'index.html'));
    expect(appUrlToFile('app://renderer/', rendererDir)).toBe(join(rendererDir, 'index.html'));
    expect(appUrlToFile('app://renderer/index.html?x=1#/accounts', rendererDir)).toBe(
      join(rendererDir, 'index.html'),
    );
    expect(appUrlToFile('app://renderer/assets/main-abc.js', rendererDir)).toBe(
      join(rendererDir, 'assets', 'main-abc.js'),
    );
    expect(appUrlToFile('app://renderer/assets/a%20b.css', rendererDir)).toBe(
      join(rendererDir, 'assets', 'a b.css'),
    );
  });

  it('never leaves the renderer folder, however the path is spelt', () => {
    for (const url of [
      'app://renderer/../secret.txt',
      'app://renderer/%2e%2e/secret.txt',
      'app://renderer/%2E%2E%2Fsecret.txt',
      'app://renderer/assets/..%2f..%2fsecret.txt',
      'app://renderer/..%5csecret.txt',
      'app://renderer/assets%5c..%5c..%5csecret.txt',
      'app://renderer/%2fetc%2fpasswd',
      'app://renderer//etc/passwd',
      'app://renderer/index.html%00.js',
      'app://renderer/%E0%A4%A',
    ]) {
      const file = appUrlToFile(url, rendererDir);
      if (file !== null) expect(file.startsWith(rendererDir + '/'), `${url} → ${file}`).toBe(true);
      expect(file === join(root, 'secret.txt'), url).toBe(false);
    }
    // The URL parser resolves dot segments first: what is left names a file inside the folder.
    expect(appUrlToFile('app://renderer/%2e%2e/secret.txt', rendererDir)).toBe(
      join(rendererDir, 'secret.txt'),
    );
    expect(appUrlToFile('app://renderer/..%5csecret.txt', rendererDir)).toBeNull();
    expect(appUrlToFile('app://renderer/index.html%00.js', rendererDir)).toBeNull();
  });

  it('answers only its own scheme and host', () => {
    for (const url of [
      'app://other/index.html',
      'app://renderer:8080/index.html',
      'app://user@renderer/index.html',
      'file:///etc/passwd',
      'https://renderer/index.html',
      'app:index.html',
      'not a url',
    ])
      expect(appUrlToFile(url, rendererDir), url).toBeNull();
  });
});

describe('app:// responses', () => {
  it('serve the file with its type and the strict CSP as a header', async () => {
    const res = await serveAppRequest(
      { url: 'app://renderer/assets/main-abc.js', method: 'GET' },
      rendererDir,
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log(1)');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = res.headers.get('content-security-policy');
    expect(csp).toBe(contentSecurityPolicy('app'));
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    const page = await serveAppRequest({ url: appEntryUrl, method: 'GET' }, rendererDir);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(csp);
  });

  it('answer 404 for a missing file or a traversal, 405 for anything but GET/HEAD', async () => {
    expect(
      (await serveAppRequest({ url: 'app://renderer/nope.js', method: 'GET' }, rendererDir)).status,
    ).toBe(404);
    const escape = await serveAppRequest(
      { url: 'app://renderer/%2e%2e/secret.txt', method: 'GET' },
      rendererDir,
    );
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('not for the page');
    expect((await serveAppRequest({ url: appEntryUrl, method: 'POST' }, rendererDir)).status).toBe(405);
  });

  it('are installed for the app scheme on the session protocol given', async () => {
    const handlers = new Map<string, (request: Request) => Promise<Response> | Response>();
    handleAppProtocol({ handle: (scheme, handler) => void handlers.set(scheme, handler) }, rendererDir);
    const handler = handlers.get('app');
    expect(handler).toBeDefined();
    const res = await handler!(new Request('app://renderer/index.html'));
    expect(await res.text()).toContain('<title>app</title>');
  });

  it('is a standard, secure scheme without CSP bypass', () => {
    expect(appSchemePrivileges).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true },
    });
    expect(appSchemePrivileges.privileges).not.toHaveProperty('bypassCSP');
  });
});

describe('the packaged binary', () => {
  it('gives file:// pages no extra privileges (the app never loads one)', () => {
    expect(electronFuses.grantFileProtocolExtraPrivileges).toBe(false);
  });
});

describe('the window loads', () => {
  it('app://renderer/index.html in a built app, the dev server only unpackaged', () => {
    expect(entryUrl(resolveRendererLocation({ isPackaged: true, devUrl: undefined, rendererDir }))).toBe(
      'app://renderer/index.html',
    );
    expect(
      entryUrl(resolveRendererLocation({ isPackaged: false, devUrl: 'http://localhost:5173/', rendererDir })),
    ).toBe('http://localhost:5173/');
  });
});
