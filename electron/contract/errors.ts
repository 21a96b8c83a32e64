import { z } from 'zod';

/**
 * Every error a caller can receive, by code. Each code has Chinese and English wording (with the
 * user's next step) in the renderer's translations under `errors.<CODE>`; a test checks that.
 * `params` carry the specifics (the IP WeChat saw, the errcode, the rid, the field...).
 */
export const errorCodes = [
  // Transport and input
  'BAD_INPUT', // params: { issues: [{path, message}] }
  'FORBIDDEN_SENDER',
  'INTERNAL', // params: { message }
  'APP_FILES_CHANGED', // the window could not load a part of itself (the app was updated while open)
  'NOT_FOUND', // params: { what, id }
  'REQUEST_TOO_LARGE', // params: { bytes, max } — a call too big to send to the core at all
  // Accounts and secrets
  'APPID_FORMAT', // params: { field: 'appId' }
  'APPSECRET_FORMAT', // params: { field: 'appSecret' }
  'API_ADDRESS_INSECURE', // params: { field: 'baseUrl' } — http:// to another computer
  'ACCOUNT_EXISTS', // params: { appId }
  'SECRET_STORAGE_UNAVAILABLE', // params: { backend? }
  'SECRET_UNREADABLE', // params: { accountId, reason: 'missing' | 'decrypt' } — enter it again (accounts:changeSecret)
  'DEMO_READ_ONLY',
  // WeChat, by category (see electron/core/wechat/errorCatalog.ts)
  'INVALID_APPID', // 40013, 41002
  'INVALID_APPSECRET', // 40125, 41004, 40002
  'APPSECRET_FROZEN', // 40243
  'API_HOST_RETIRED', // 48017: an API address WeChat no longer serves
  'IP_NOT_WHITELISTED', // 40164, 61004 — params: { ip?, ipv6? }
  'IP_CONFIRM_REQUIRED', // 89503 — the admin must approve on their phone
  'IP_CONFIRM_PENDING', // 89501
  'IP_REJECTED', // 89506, 89507 — params: { hours }
  'TOKEN_FIGHT', // 40001 again right after a fresh token: someone is force-refreshing
  'TOKEN_INVALID', // 40001/40014/42001 that survived the one refresh
  'API_UNAUTHORIZED', // 48001: unverified account, or remarks on a non-service account
  'REMARKS_UNAUTHORIZED', // 48001 on updateremark: remarks need a verified service account
  'API_BANNED', // 48004
  'QUOTA_DAILY', // 45009
  'QUOTA_MINUTE', // 45011
  'QUOTA_CLEAR_LIMIT', // 48006
  'SYSTEM_BUSY', // -1, 268487001/2 after retries
  'NETWORK', // params: { reason } — no host answered
  'TIMEOUT',
  'TAG_NAME_INVALID', // 45157 — illegal or duplicate
  'TAG_NAME_TOO_LONG', // 45158
  'TAG_LIMIT', // 45056
  'TAG_RESERVED', // 45058
  'TAG_TOO_MANY_FANS', // 45057 — params: { count?, max }
  'TAG_USER_LIMIT', // 45059
  'TAG_NOT_FOUND', // 45159
  'GROUP_NAME_EMPTY', // checked locally, both APIs
  'GROUP_NAME_DUPLICATE', // checked locally, both APIs — params: { name }
  'GROUP_NAME_INVALID', // 40051/40117
  'GROUP_NAME_TOO_LONG', // 45017
  'GROUP_LIMIT', // 45018
  'GROUP_RESERVED', // 45016
  'GROUP_NOT_FOUND', // 40050
  'OPENID_INVALID', // 40003
  'OPENID_OTHER_APP', // 49003
  'USER_UNSUBSCRIBED', // 43004, 50005
  'USER_LIMITED', // 50002
  'REMARK_INVALID', // 40092
  'LIST_TOO_LONG', // 40032
  'OPENID_BUSY', // 45169
  'PARTIAL_FAILURE', // 45171 — params: { failed: string[] }
  'REQUEST_MALFORMED', // 44002, 47001, 40033, 43001, 43002, 41001
  'JOB_GROUP_GONE', // undo/redo refused: params { name } — the group the job names was deleted
  'JOB_GROUP_CHANGED', // undo/redo refused: params { name, now } — its id now names another group
  'WECHAT_UNKNOWN', // any other errcode — params: { errcode, errmsg }
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;
