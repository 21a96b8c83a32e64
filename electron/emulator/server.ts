// The HTTP face of the emulator: node:http on 127.0.0.1 only. Any Host header is served (so
// api / api2 / sh / sz / hk .weixin.qq.com all map here) unless a hostDown fault names it.

import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Socket } from 'node:net';
import { handleControl, CONTROL_PREFIX } from './controlHttp';
import type { EmulatorControl } from './types';
import type { EmulatorEngine } from './engine';
import { CALL_HTTP_413, CALL_HTTP_502, CALL_RESET } from './errors';

/** WeChat refuses request bodies over 1 MB. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Oversized bodies are read and discarded up to this size so the connection stays usable. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

const JSON_TYPE = 'application/json; encoding=utf-8';
const PAGE_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const PAGE_413 =
  '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

export interface HttpServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** Who may reach the server and its control surface (see EmulatorOptions). */
export interface ServerGuards {
  controlHttp: 'open' | 'off' | { token: string };
  allowedHosts: readonly string[] | null;
}

export async function listen(
  emu: EmulatorEngine,
  control: EmulatorControl,
  port: number,
  guards: ServerGuards,
): Promise<HttpServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    onRequest(emu, control, guards, req, res, timers).catch((e: unknown) => {
      if (res.destroyed || req.destroyed) return;
      console.error('[emulator] request failed:', e);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Malformed HTTP must not take the server down.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const status =
      err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('emulator: no TCP address');
  let closing: Promise<void> | undefined;
  return {
    server,
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      });
      return closing;
    },
  };
}

function hostOf(header: string | undefined): string {
  if (!header) return '';
  const h = header.toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.indexOf(':');
  return colon < 0 ? h : h.slice(0, colon);
}

async function onRequest(
  emu: EmulatorEngine,
  control: EmulatorControl,
  guards: ServerGuards,
  req: IncomingMessage,
  res: ServerResponse,
  timers: Set<NodeJS.Timeout>,
): Promise<void> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
  const host = hostOf(req.headers.host);
  const method = req.method ?? 'GET';

  // A page in a browser can point a name it controls at 127.0.0.1 (DNS rebinding): the Host
  // header still names that page's host, so only the listed names are served.
  if (guards.allowedHosts && !guards.allowedHosts.includes(host)) {
    res.shouldKeepAlive = false;
    res.writeHead(421, { 'Content-Type': 'text/plain', 'Content-Length': 0 }).end();
    return;
  }
  if (path.startsWith(CONTROL_PREFIX)) {
    const refused = controlRefusal(guards.controlHttp, req);
    if (refused !== null) {
      res.writeHead(refused, { 'Content-Type': 'text/plain', 'Content-Length': 0 }).end();
      return;
    }
    const raw = await readBody(req);
    handleControl(control, method, path, query, raw.tooLarge ? Buffer.alloc(0) : raw.body, res);
    return;
  }
  const log = (errcode: number, appid: string | null, bodyBytes: number): void =>
    emu.calls.push({ time: emu.clock.now(), host, method, path, appid, bodyBytes, errcode });

  if (!emu.faults.empty && emu.faults.hostDown(host)) {
    log(CALL_RESET, null, 0);
    req.socket.destroy();
    return;
  }
  const raw = await readBody(req);
  if (raw.tooLarge) {
    log(CALL_HTTP_413, null, raw.size);
    if (raw.size > MAX_DRAIN_BYTES) res.shouldKeepAlive = false;
    res
      .writeHead(413, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(PAGE_413) })
      .end(PAGE_413);
    return;
  }
  const outcome = emu.process({ method, path, host, query, raw: raw.body });
  const errcode =
    outcome.kind === 'reset' ? CALL_RESET : outcome.kind === 'http502' ? CALL_HTTP_502 : outcome.errcode;
  log(errcode, outcome.appid, raw.size);

  const send = (): void => {
    if (res.destroyed) return;
    if (outcome.kind === 'reset') {
      req.socket.destroy();
    } else if (outcome.kind === 'http502') {
      res
        .writeHead(502, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(PAGE_502) })
        .end(PAGE_502);
    } else {
      // One UTF-8 encoding, reused for the length and the write.
      const bytes = typeof outcome.body === 'string' ? Buffer.from(outcome.body, 'utf8') : outcome.body;
      res.writeHead(outcome.status, { 'Content-Type': JSON_TYPE, 'Content-Length': bytes.length }).end(bytes);
    }
  };
  if (outcome.delayMs > 0) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, outcome.delayMs);
    timers.add(timer);
  } else {
    send();
  }
}

/**
 * The HTTP status refusing a control request, or null to serve it. Changing requests must say
 * `application/json`: a web page can send text/plain or form POSTs to any address without asking,
 * but not JSON.
 */
function controlRefusal(mode: ServerGuards['controlHttp'], req: IncomingMessage): number | null {
  if (mode === 'off') return 404;
  if (typeof mode === 'object') {
    const given = Buffer.from(req.headers.authorization ?? '');
    const expected = Buffer.from(`Bearer ${mode.token}`);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 401;
  }
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') return 415;
  }
  return null;
}

interface RawBody {
  body: Buffer;
  size: number;
  tooLarge: boolean;
}

/** Reads the whole body; past 1 MB it keeps reading but discards, up to MAX_DRAIN_BYTES. */
function readBody(req: IncomingMessage): Promise<RawBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (tooLarge: boolean): void => {
      if (settled) return;
      settled = true;
      resolve({ body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks, size), size, tooLarge });
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) {
        req.pause();
        finish(true);
      } else chunks.length = 0;
    });
    req.on('end', () => finish(size > MAX_BODY_BYTES));
    const abort = (e: Error): void => {
      if (settled) return;
      settled = true;
      reject(e);
    };
    req.on('error', abort);
    // A client that hangs up mid-body gets nothing; the request is dropped without a log entry.
    req.on('close', () => abort(new Error('request aborted')));
  });
}
