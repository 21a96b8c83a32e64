import type { ErrorCode } from '#contract/errors';

export type ErrorCategory =
  | 'credentials'
  | 'whitelist'
  | 'permission'
  | 'quota'
  | 'rate'
  | 'input'
  | 'transient'
  | 'token'
  | 'network'
  | 'unknown';

export interface CatalogEntry {
  code: ErrorCode;
  category: ErrorCategory;
  /** Safe to try the same request again (after a wait). */
  retryable: boolean;
}

const entry = (code: ErrorCode, category: ErrorCategory, retryable = false): CatalogEntry => ({
  code,
  category,
  retryable,
});

/** Every errcode of wechat-api.md §8 (and the tag/group/user tables) → what it means for us. */
export const errorCatalog: ReadonlyMap<number, CatalogEntry> = new Map([
  [-1, entry('SYSTEM_BUSY', 'transient', true)],
  [268487001, entry('SYSTEM_BUSY', 'transient', true)],
  [268487002, entry('SYSTEM_BUSY', 'transient', true)],
  [40001, entry('TOKEN_INVALID', 'token', true)],
  [40014, entry('TOKEN_INVALID', 'token', true)],
  [42001, entry('TOKEN_INVALID', 'token', true)],
  [41001, entry('REQUEST_MALFORMED', 'input')],
  [40002, entry('REQUEST_MALFORMED', 'input')],
  [40013, entry('INVALID_APPID', 'credentials')],
  [41002, entry('INVALID_APPID', 'credentials')],
  [40125, entry('INVALID_APPSECRET', 'credentials')],
  [41004, entry('INVALID_APPSECRET', 'credentials')],
  [40243, entry('APPSECRET_FROZEN', 'credentials')],
  [48017, entry('API_HOST_RETIRED', 'permission')],
  [40164, entry('IP_NOT_WHITELISTED', 'whitelist')],
  [61004, entry('IP_NOT_WHITELISTED', 'whitelist')],
  [89501, entry('IP_CONFIRM_PENDING', 'whitelist')],
  [89503, entry('IP_CONFIRM_REQUIRED', 'whitelist')],
  [89506, entry('IP_REJECTED', 'whitelist')],
  [89507, entry('IP_REJECTED', 'whitelist')],
  [40003, entry('OPENID_INVALID', 'input')],
  [49003, entry('OPENID_OTHER_APP', 'input')],
  [43004, entry('USER_UNSUBSCRIBED', 'input')],
  [50005, entry('USER_UNSUBSCRIBED', 'input')],
  [50002, entry('USER_LIMITED', 'input')],
  [40032, entry('LIST_TOO_LONG', 'input')],
  [40092, entry('REMARK_INVALID', 'input')],
  [44002, entry('REQUEST_MALFORMED', 'input')],
  [47001, entry('REQUEST_MALFORMED', 'input')],
  [40033, entry('REQUEST_MALFORMED', 'input')],
  [43001, entry('REQUEST_MALFORMED', 'input')],
  [43002, entry('REQUEST_MALFORMED', 'input')],
  [76021, entry('REQUEST_MALFORMED', 'input')],
  [45009, entry('QUOTA_DAILY', 'quota')],
  [45011, entry('QUOTA_MINUTE', 'rate', true)],
  [48006, entry('QUOTA_CLEAR_LIMIT', 'quota')],
  [45056, entry('TAG_LIMIT', 'input')],
  [45057, entry('TAG_TOO_MANY_FANS', 'input')],
  [45058, entry('TAG_RESERVED', 'input')],
  [45059, entry('TAG_USER_LIMIT', 'input')],
  [45157, entry('TAG_NAME_INVALID', 'input')],
  [45158, entry('TAG_NAME_TOO_LONG', 'input')],
  [45159, entry('TAG_NOT_FOUND', 'input')],
  [40050, entry('GROUP_NOT_FOUND', 'input')],
  [40051, entry('GROUP_NAME_INVALID', 'input')],
  [40117, entry('GROUP_NAME_INVALID', 'input')],
  [45016, entry('GROUP_RESERVED', 'input')],
  [45017, entry('GROUP_NAME_TOO_LONG', 'input')],
  [45018, entry('GROUP_LIMIT', 'input')],
  [45169, entry('OPENID_BUSY', 'transient', true)],
  [45171, entry('PARTIAL_FAILURE', 'input', true)],
  [48001, entry('API_UNAUTHORIZED', 'permission')],
  [48004, entry('API_BANNED', 'permission')],
]);

/** The request id WeChat appends to errmsg (` rid: a-b-c`, older ` hint: [x]`), for diagnostics. */
export function parseRid(errmsg: string): string | undefined {
  const rid = /\brid:\s*([0-9a-zA-Z-]+)/.exec(errmsg);
  if (rid?.[1]) return rid[1];
  const hint = /\bhint:\s*\[([^\]]+)\]/.exec(errmsg);
  return hint?.[1];
}

/**
 * The address WeChat saw, from a 40164 errmsg. Tolerates the three forms seen in the wild:
 *   `invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: …`
 *   `invalid ip 1.2.3.4, not in whitelist hint: [...]`
 *   `invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist hint: [...]`
 */
export function parseWhitelistIp(errmsg: string): { ip?: string; ipv6?: string } {
  const ip = /invalid ip\s+([0-9a-fA-F:.]+?)(?=[\s,]|$)/i.exec(errmsg)?.[1];
  const ipv6 = /\bipv6\s+([0-9a-fA-F:.]+?)(?=[\s,]|$)/i.exec(errmsg)?.[1];
  return { ...(ip ? { ip } : {}), ...(ipv6 ? { ipv6 } : {}) };
}

export interface DescribedError extends CatalogEntry {
  params: Record<string, unknown>;
  rid: string | undefined;
}

/** errcode + errmsg → code, category, retryable and the specifics a person needs. */
export function describeWeChatError(errcode: number, errmsg: string, body?: unknown): DescribedError {
  const known = errorCatalog.get(errcode);
  const rid = parseRid(errmsg);
  if (!known) {
    return {
      ...entry('WECHAT_UNKNOWN', 'unknown'),
      params: { errcode, errmsg: errmsg.replace(/\s*(rid:.*|hint:.*)$/, '') },
      rid,
    };
  }
  // The errcode travels with every error so messages and diagnostics can show it.
  const params: Record<string, unknown> = { errcode };
  if (known.code === 'IP_NOT_WHITELISTED') Object.assign(params, parseWhitelistIp(errmsg));
  if (errcode === 89506) params['hours'] = 24;
  if (errcode === 89507) params['hours'] = 1;
  if (errcode === 45171) {
    const failed = failOpenidList(body);
    Object.assign(params, { failed, count: failed.length });
  }
  return { ...known, params, rid };
}

function failOpenidList(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const list = (body as { fail_openid_list?: unknown }).fail_openid_list;
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}
