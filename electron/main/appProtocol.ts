import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { contentTypeOf } from '../hostShared/contentTypes';
import { contentSecurityPolicy } from '../hostShared/csp';

/**
 * The built renderer is served from app://renderer/… instead of file://: the page then gets real
 * response headers (the CSP below), a proper origin for permission checks, and no way to read
 * other local files (the file-protocol privileges fuse can be turned off).
 */
export const appScheme = 'app';
export const appHost = 'renderer';
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

/**
 * Registered before 'ready'. standard: relative URLs and an origin like http's; secure: a secure
 * context (the clipboard API needs one); supportFetchAPI and codeCache for the page's module
 * scripts. No bypassCSP, no CORS or streaming: the page needs none.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** Headers of every app:// response: the strict policy ('app': no network at all) and no sniffing. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': contentTypeOf(file),
    'Content-Security-Policy': contentSecurityPolicy('app'),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

/**
 * The file an app:// URL names, or null when it names nothing the app serves: another scheme or
 * host, a path that leaves the renderer folder (`..`, encoded or not, backslashes, absolute paths),
 * a NUL byte, or undecodable percent-escapes. `/` is index.html.
 */
export function appUrlToFile(rawUrl: string, rendererDir: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host.toLowerCase() !== appHost) return null;
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // After decoding, a backslash would be a separator on Windows and a NUL would cut the path.
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const root = resolve(rendererDir);
  const file = resolve(root, `.${path}`);
  const inside = relative(root, file);
  if (inside === '' || isAbsolute(inside) || inside.split(sep)[0] === '..') return null;
  return file;
}

/** Answers one app:// request from the renderer folder (GET only; 404 for anything not there). */
export async function serveAppRequest(
  request: { url: string; method: string },
  rendererDir: string,
  read: (file: string) => Promise<Buffer> = readFile,
): Promise<Response> {
  const file = appUrlToFile(request.url, rendererDir);
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return new Response('Method not allowed', { status: 405 });
  if (!file) return new Response('Not found', { status: 404 });
  let body: Buffer;
  try {
    body = await read(file);
  } catch {
    return new Response('Not found', { status: 404 });
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: appResponseHeaders(file),
  });
}

/** Installs the handler on a session's protocol object (the window's session). */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(appScheme, (request) => serveAppRequest(request, rendererDir));
}
