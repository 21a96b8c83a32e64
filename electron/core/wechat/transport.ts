import { errors, request, type Dispatcher } from 'undici';

export interface HttpAnswer {
  status: number;
  /** Parsed JSON, or undefined when the body was not JSON (an HTML error page, say). */
  json: unknown;
}

/**
 * A failure below HTTP. `beforeSend` is true when the request cannot have reached the server
 * (refused, DNS, connect timeout, TLS handshake), so even a non-idempotent call may go elsewhere.
 */
export class NetworkFailure extends Error {
  /**
   * The network said no at once (refused, no route, no such host): trying the same host again in
   * a moment cannot help, so callers can give up right away instead of backing off.
   */
  readonly refused: boolean;

  constructor(
    readonly reason: string,
    readonly beforeSend: boolean,
    readonly timeout: boolean,
    options?: { cause?: unknown },
  ) {
    super(`network failure: ${reason}`, options);
    this.name = 'NetworkFailure';
    this.refused = refusedCodes.has(reason);
  }
}

const refusedCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

const beforeSendCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
]);

function errorCode(err: unknown): string {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return (err as { code?: string }).code ?? 'UNKNOWN';
}

/** One HTTP exchange. Throws NetworkFailure for anything below HTTP; never looks at errcode. */
export async function exchange(
  dispatcher: Dispatcher,
  url: string,
  method: 'GET' | 'POST',
  body: string | undefined,
): Promise<HttpAnswer> {
  try {
    const res = await request(url, {
      dispatcher,
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
      ...(body === undefined ? {} : { body }),
    });
    const text = await res.body.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, json };
  } catch (err) {
    const code = errorCode(err);
    const timeout =
      err instanceof errors.HeadersTimeoutError ||
      err instanceof errors.BodyTimeoutError ||
      err instanceof errors.ConnectTimeoutError ||
      code.includes('TIMEOUT');
    throw new NetworkFailure(code, beforeSendCodes.has(code) || code.startsWith('ERR_TLS'), timeout, {
      cause: err,
    });
  }
}
