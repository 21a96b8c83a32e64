// Small raw-HTTP helpers for the emulator tests: no WeChat client logic, just fetch.

import { DEFAULT_APPID, DEFAULT_SECRET, type Emulator } from '../../../electron/emulator';

export type Json = Record<string, unknown> & { errcode?: number; errmsg?: string };

export interface CallOptions {
  method?: string;
  token?: string;
  query?: Record<string, string>;
  /** an object is JSON-encoded; a string or Buffer is sent as is */
  body?: unknown;
  host?: string;
}

export async function raw(sb: Emulator, path: string, options: CallOptions = {}): Promise<Response> {
  const params = new URLSearchParams(options.query);
  if (options.token !== undefined) params.set('access_token', options.token);
  const qs = params.toString();
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string' || Buffer.isBuffer(options.body)
        ? options.body
        : JSON.stringify(options.body);
  const headers: Record<string, string> = {};
  if (options.host) headers.host = options.host;
  return fetch(`${sb.url}${path}${qs ? `?${qs}` : ''}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    body: body as BodyInit | undefined,
    headers,
  });
}

export async function call(sb: Emulator, path: string, options: CallOptions = {}): Promise<Json> {
  const res = await raw(sb, path, options);
  if (res.status !== 200) throw new Error(`HTTP ${res.status} for ${path}`);
  return (await res.json()) as Json;
}

/** POST with a token. */
export function post(sb: Emulator, path: string, token: string, body: unknown): Promise<Json> {
  return call(sb, path, { token, body, method: 'POST' });
}

export function get(
  sb: Emulator,
  path: string,
  token: string,
  query?: Record<string, string>,
): Promise<Json> {
  return call(sb, path, { token, query });
}

export async function classicToken(
  sb: Emulator,
  appid = DEFAULT_APPID,
  secret = DEFAULT_SECRET,
): Promise<string> {
  const r = await call(sb, '/cgi-bin/token', { query: { grant_type: 'client_credential', appid, secret } });
  if (typeof r.access_token !== 'string') throw new Error(`no token: ${JSON.stringify(r)}`);
  return r.access_token;
}

export async function stableToken(
  sb: Emulator,
  options: { appid?: string; secret?: string; force?: boolean } = {},
): Promise<Json> {
  return call(sb, '/cgi-bin/stable_token', {
    method: 'POST',
    body: {
      grant_type: 'client_credential',
      appid: options.appid ?? DEFAULT_APPID,
      secret: options.secret ?? DEFAULT_SECRET,
      force_refresh: options.force ?? false,
    },
  });
}

/** errmsg must end with ` rid: <8 hex>-<8 hex>-<8 hex>`. */
export const RID = / rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/;

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
