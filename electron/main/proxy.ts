/**
 * The system proxy for a URL, as Chromium resolves it (PAC scripts, WPAD, OS settings), turned into
 * a proxy URL undici can use. Chromium answers in PAC syntax, e.g. "PROXY 10.0.0.1:8080; DIRECT".
 * The first entry wins; SOCKS entries are skipped because undici's ProxyAgent speaks HTTP(S) only.
 */
export function proxyFromPac(pac: string): string | null {
  for (const entry of pac.split(';')) {
    const [kind, hostPort] = entry.trim().split(/\s+/);
    if (!kind) continue;
    const type = kind.toUpperCase();
    if (type === 'DIRECT') return null;
    if ((type === 'PROXY' || type === 'HTTP') && hostPort) return `http://${hostPort}`;
    if (type === 'HTTPS' && hostPort) return `https://${hostPort}`;
  }
  return null;
}

export function systemProxyResolver(session: { resolveProxy(url: string): Promise<string> }) {
  return async (url: string): Promise<string | null> => proxyFromPac(await session.resolveProxy(url));
}
