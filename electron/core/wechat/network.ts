import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { createSecureContext, getCACertificates, type SecureContext } from 'node:tls';
import { Agent, ProxyAgent, type Dispatcher } from 'undici';

import type { NetworkSetting } from '#contract/accounts';

export type { NetworkSetting };

export interface TransportOptions {
  connectTimeoutMs: number;
  /** Until the response has fully arrived. */
  responseTimeoutMs: number;
  /**
   * Connect every host name to this address instead of resolving it (demo mode, tests and
   * benchmarks point WeChat's real host names at the emulator on 127.0.0.1 this way).
   */
  resolveTo?: string;
  /** The certificates to trust for HTTPS; the default is Node's own list plus the system's. */
  trust?: SecureContext;
}

/** Reads a CA list by kind, as tls.getCACertificates does (tests pass their own). */
export type CaSource = (kind: 'default' | 'system') => readonly string[];

/**
 * Node's bundled CA list plus the operating system's trust store (Windows certificate store, macOS
 * keychain, Linux's CA bundle). Chromium trusts the system store, Node by default does not: behind
 * antivirus that inspects HTTPS, or a company proxy with its own root certificate, the owner's
 * browser works and WeChat calls would fail with certificate errors. 'default' keeps
 * NODE_EXTRA_CA_CERTS too. A system store that cannot be read leaves Node's list.
 */
export function trustedCertificates(read: CaSource = getCACertificates): SecureContext {
  let system: readonly string[] = [];
  try {
    system = read('system');
  } catch {
    // No readable system store: Node's own list still applies.
  }
  return createSecureContext({ ca: [...new Set([...read('default'), ...system])] });
}

let processTrust: SecureContext | null = null;
/** Built once per process: reading the system store and parsing ~150 certificates is not free. */
function defaultTrust(): SecureContext {
  processTrust ??= trustedCertificates();
  return processTrust;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

function fixedLookup(address: string) {
  const family = address.includes(':') ? 6 : 4;
  return (_host: string, options: { all?: boolean }, callback: LookupCallback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/** The undici dispatcher for one account: a keep-alive agent, or a proxy agent. */
export function createDispatcher(proxyUrl: string | null, options: TransportOptions): Dispatcher {
  const secureContext = options.trust ?? defaultTrust();
  const connect = {
    timeout: options.connectTimeoutMs,
    secureContext,
    ...(options.resolveTo ? { lookup: fixedLookup(options.resolveTo) } : { lookup: dnsLookup }),
  };
  const common = {
    headersTimeout: options.responseTimeoutMs,
    bodyTimeout: options.responseTimeoutMs,
    keepAliveTimeout: 10_000,
    connections: 16,
  };
  if (proxyUrl) {
    return new ProxyAgent({
      uri: proxyUrl,
      ...common,
      // The proxy's own certificate and WeChat's (through the tunnel) are checked the same way.
      proxyTls: { timeout: options.connectTimeoutMs, secureContext },
      requestTls: { secureContext },
    });
  }
  return new Agent({ ...common, connect });
}

/** Base URLs to try for a setting: a custom API address replaces WeChat's host list. */
export function hostsFor(network: NetworkSetting, defaults: readonly string[]): readonly string[] {
  return network.mode === 'custom-base' ? [network.baseUrl.replace(/\/+$/, '')] : defaults;
}
