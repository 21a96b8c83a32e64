import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import type { CorePorts, Logger } from '../core/ports';
import { createServices, type Services } from '../core/services';
import { describeError, dispatch } from '../core/transport';
import { createFileLogger } from '../hostShared/fileLogger';
import { createConsoleLogger, teeLogger } from '../hostShared/logger';
import { buildBridgeScript } from './bridgeBundle';
import { checkUpgrade, isAllowedHost } from './guards';
import { createNodePorts } from './nodePorts';
import { MAX_FRAME_BYTES, subprotocol } from './protocol';
import { serveContract } from './socket';
import { createStaticHandler } from './staticFiles';

export interface WebHostOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Absolute data folder (settings, per-account data, the insecure secrets). */
  dataDir: string;
  /** Open the demo account at start. */
  demo?: boolean;
  /** The built renderer; defaults to out/renderer. */
  rendererDir?: string;
  log?: Logger;
  /**
   * Where WeChat is, for development and tests: e.g. `{ hosts: [emulator.url] }` so a real-looking
   * account talks to a local emulator. Unset: WeChat's real hosts.
   */
  wechat?: CorePorts['wechat'];
}

export interface WebHost {
  /** What to open: the page, with this run's token in the fragment. */
  url: string;
  /** The page without the token (what another local process could guess). */
  origin: string;
  port: number;
  token: string;
  services: Services;
  close(): Promise<void>;
}

const defaultRendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

/**
 * The browser host: the same core services as the Electron app, the built renderer over http and
 * the contract over an authenticated WebSocket, on 127.0.0.1 only.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  // Like the app, a log file a support person can read (the INTERNAL error's ref is in it).
  const logDir = join(options.dataDir, 'logs');
  const log = teeLogger(
    options.log ?? createConsoleLogger('webhost'),
    createFileLogger(logDir, 'webhost', { console: false }),
  );
  const rendererDir = resolve(options.rendererDir ?? defaultRendererDir);
  if (!existsSync(join(rendererDir, 'index.html')))
    throw new Error(`No built renderer in ${rendererDir}: run \`npm run build\` first.`);

  const token = randomBytes(32).toString('hex');
  const bridge = await buildBridgeScript();
  const services = await createServices(
    await createNodePorts({
      dataDir: options.dataDir,
      log,
      logDir,
      ...(options.wechat ? { wechat: options.wechat } : {}),
    }),
  );
  const serveStatic = createStaticHandler(rendererDir, bridge);
  let port = 0;

  const server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, port)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden host');
      return;
    }
    serveStatic(req, res).catch((error: unknown) => {
      log.error('Webhost request failed', describeError(error));
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    handleProtocols: (offered) => (offered.has(subprotocol) ? subprotocol : false),
  });
  const stopEvents = serveContract(wss, services.handlers, services.events, log);
  server.on('upgrade', (req, socket, head) => {
    const verdict = checkUpgrade(
      {
        url: req.url,
        host: req.headers.host,
        origin: req.headers.origin,
        protocols: req.headers['sec-websocket-protocol'],
      },
      port,
      token,
    );
    if (!verdict.ok) {
      log.warn('Webhost socket refused', { reason: verdict.reason });
      socket.end(`HTTP/1.1 ${verdict.status} ${verdict.status === 404 ? 'Not Found' : 'Forbidden'}\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}/`;

  if (options.demo) {
    const opened = await dispatch(services.handlers, 'demo:open', {});
    if (opened.ok) log.info('Demo account opened');
    else log.warn('Could not open the demo account', { code: opened.error.code });
  }

  return {
    url: `${origin}#token=${token}`,
    origin,
    port,
    token,
    services,
    async close() {
      stopEvents();
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await services.close();
    },
  };
}
