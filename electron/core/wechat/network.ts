import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
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
  const connect = {
    timeout: options.connectTimeoutMs,
    ...(options.resolveTo ? { lookup: fixedLookup(options.resolveTo) } : { lookup: dnsLookup }),
  };
  const common = {
    headersTimeout: options.responseTimeoutMs,
    bodyTimeout: options.responseTimeoutMs,
    keepAliveTimeout: 10_000,
    connections: 16,
  };
  if (proxyUrl) {
    return new ProxyAgent({ uri: proxyUrl, ...common, proxyTls: { timeout: options.connectTimeoutMs } });
  }
  return new Agent({ ...common, connect });
}

/** Base URLs to try for a setting: a custom API address replaces WeChat's host list. */
export function hostsFor(network: NetworkSetting, defaults: readonly string[]): readonly string[] {
  return network.mode === 'custom-base' ? [network.baseUrl.replace(/\/+$/, '')] : defaults;
}
