import { blankCredentials, describeError } from '../core/transport';

/**
 * What may reach the log file: a support person reads it, so it must never hold an AppSecret, an
 * access token or a list of followers' openids (personal data of the account's followers).
 * - a field whose name says secret/token/password is blanked;
 * - strings lose `secret=…`/`access_token=…` the way error messages already do (describeError);
 * - an array of openids (or a field named openids) becomes its count;
 * - Errors become their name and scrubbed message.
 */
const secretKey = /secret|token|password|authorization|cookie/i;
const openidListKey = /^openids?$|openid_?list/i;
// WeChat openids are 28 characters of [A-Za-z0-9_-]; the emulator's look the same.
const openidLike = /^[A-Za-z0-9_-]{20,64}$/;

export function scrubLogValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return blankCredentials(value);
  if (value instanceof Error) return describeError(value);
  if (Array.isArray(value)) {
    if (value.length > 1 && value.every((v) => typeof v === 'string' && openidLike.test(v)))
      return `[${value.length} openids]`;
    return depth > 4 ? `[${value.length} items]` : value.slice(0, 50).map((v) => scrubLogValue(v, depth + 1));
  }
  if (value !== null && typeof value === 'object') {
    if (depth > 4) return '[object]';
    return scrubLogFields(value as Record<string, unknown>, depth + 1);
  }
  return value;
}

export function scrubLogFields(fields: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (secretKey.test(key)) out[key] = '***';
    else if (openidListKey.test(key) && Array.isArray(value)) out[key] = `[${value.length} openids]`;
    else out[key] = scrubLogValue(value, depth);
  }
  return out;
}
