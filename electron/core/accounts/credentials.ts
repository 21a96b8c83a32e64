import { AppError } from '../appError';

/** Pasted text often carries spaces or line breaks; AppIDs are lower-case in the console. */
export function normalizeAppId(raw: string): string {
  return raw.replace(/\s+/g, '').toLowerCase();
}

export function normalizeAppSecret(raw: string): string {
  return raw.replace(/\s+/g, '').toLowerCase();
}

/** AppID: 'wx' and 16 hex digits. Checked before any call so the user learns which field is wrong. */
export function checkAppId(appId: string): void {
  if (!/^wx[0-9a-f]{16}$/.test(appId)) throw new AppError('APPID_FORMAT', { field: 'appId' });
}

/** AppSecret: 32 hex digits. */
export function checkAppSecret(secret: string): void {
  if (!/^[0-9a-f]{32}$/.test(secret)) throw new AppError('APPSECRET_FORMAT', { field: 'appSecret' });
}
