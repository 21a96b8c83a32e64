import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { contentTypeOf } from '../hostShared/contentTypes';
import { contentSecurityPolicy } from '../hostShared/csp';

export const bridgePath = '/webhost-bridge.js';

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy('webhost'),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
};

/** index.html with the bridge as the first script: a classic script runs before any module script. */
export function injectBridge(html: string): string {
  const tag = `<script src="${bridgePath}"></script>`;
  return /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (head) => `${head}\n    ${tag}`)
    : tag + html;
}

/**
 * Serves the built renderer: its files with their content types, index.html (bridge injected) for
 * `/` and for extension-less paths (client-side routes), 404 for missing assets, the in-memory
 * bridge at /webhost-bridge.js. Only GET and HEAD.
 */
export function createStaticHandler(rendererDir: string, bridgeScript: string) {
  const root = resolve(rendererDir);
  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    type: string,
    body: string | Buffer,
    cache = 'no-store',
  ) => {
    res.writeHead(status, {
      ...securityHeaders,
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': cache,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const notFound = (req: IncomingMessage, res: ServerResponse) =>
    send(req, res, 404, 'text/plain; charset=utf-8', 'Not found');

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(req, res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return send(req, res, 400, 'text/plain; charset=utf-8', 'Bad request');
    }
    if (pathname === bridgePath) return send(req, res, 200, contentTypeOf(bridgePath), bridgeScript);

    const file = resolve(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) return notFound(req, res);
    const extension = extname(file).toLowerCase();
    if (extension === '' || pathname === '/index.html') {
      const html = await readFile(join(root, 'index.html'), 'utf8');
      return send(req, res, 200, contentTypeOf('index.html'), injectBridge(html));
    }
    // Any other page would run without the bridge; there are none in the build anyway.
    if (extension === '.html') return notFound(req, res);
    const found = await stat(file).catch(() => null);
    // Browsers ask for a favicon on their own; the app has none yet, and a 404 is console noise.
    if (!found?.isFile() && pathname === '/favicon.ico') return send(req, res, 204, 'image/x-icon', '');
    if (!found?.isFile()) return notFound(req, res);
    return send(req, res, 200, contentTypeOf(file), await readFile(file), 'no-cache');
  };
}
