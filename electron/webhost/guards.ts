import { timingSafeEqual } from 'node:crypto';
import { socketPath, subprotocol, tokenProtocolPrefix } from './protocol';

/**
 * Who may use the browser host. Pure, so the rules are unit-tested:
 * - every HTTP request must name this host by its loopback address in `Host` (blocks DNS
 *   rebinding: evil.example resolving to 127.0.0.1 arrives with Host: evil.example);
 * - the WebSocket upgrade must also come from the page's own origin (blocks other web pages,
 *   which browsers cannot stop from opening sockets to localhost) and carry this run's token
 *   (blocks other local processes, which can forge an Origin but do not know the token).
 */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

export interface UpgradeRequest {
  url: string | undefined;
  host: string | undefined;
  origin: string | undefined;
  /** The raw Sec-WebSocket-Protocol header. */
  protocols: string | undefined;
}

export type UpgradeVerdict = { ok: true } | { ok: false; status: 403 | 404; reason: string };

export function checkUpgrade(request: UpgradeRequest, port: number, token: string): UpgradeVerdict {
  if (new URL(request.url ?? '/', 'http://x').pathname !== socketPath)
    return { ok: false, status: 404, reason: 'path' };
  if (!isAllowedHost(request.host, port)) return { ok: false, status: 403, reason: 'host' };
  if (request.origin !== `http://${request.host?.toLowerCase()}`)
    return { ok: false, status: 403, reason: 'origin' };
  const offered = (request.protocols ?? '').split(',').map((p) => p.trim());
  if (!offered.includes(subprotocol)) return { ok: false, status: 403, reason: 'protocol' };
  const presented = offered.find((p) => p.startsWith(tokenProtocolPrefix))?.slice(tokenProtocolPrefix.length);
  if (presented === undefined || !sameToken(presented, token))
    return { ok: false, status: 403, reason: 'token' };
  return { ok: true };
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
