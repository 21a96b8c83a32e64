import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '#contract/result';

/** Params as i18next can interpolate them: lists become "a, b, c" and a failed list also a count. */
function interpolation(data: AppErrorData): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(data.params)) {
    if (Array.isArray(value)) out[key] = value.map(String).join(', ');
    else if (typeof value === 'string' || typeof value === 'number') out[key] = value;
    else if (typeof value === 'boolean') out[key] = String(value);
  }
  const failed = data.params['failed'];
  if (out['count'] === undefined && Array.isArray(failed)) out['count'] = failed.length;
  if (out['errcode'] === undefined && data.wechat) out['errcode'] = data.wechat.errcode;
  // Wording with a placeholder the error did not fill reads better with a neutral word than "{{ip}}".
  for (const key of [
    'ip',
    'reason',
    'message',
    'errmsg',
    'hours',
    'name',
    'now',
    'appId',
    'count',
    'errcode',
  ])
    out[key] ??= '?';
  return out;
}

// ('decrypt' arrives as SECRET_UNREADABLE, 'unavailable' uses the code's own words.)
const secretStorageReasons = ['hardcoded-key', 'encrypt-failed', 'keychain-busy'] as const;
type SecretStorageReason = (typeof secretStorageReasons)[number];
const isSecretStorageReason = (value: unknown): value is SecretStorageReason =>
  secretStorageReasons.includes(value as SecretStorageReason);

/** Turns an error's code and params into the user's language: what happened and what to do. */
export function useErrorText(): (data: AppErrorData) => string {
  const { t } = useTranslation();
  return useCallback(
    (data: AppErrorData) => {
      // The keychain's problems differ in what to do next (retry, allow, install a keyring, re-enter).
      const reason = data.params['reason'];
      if (data.code === 'SECRET_STORAGE_UNAVAILABLE' && isSecretStorageReason(reason))
        return t(`secretStorage.${reason}`);
      return t(`errors.${data.code}`, interpolation(data));
    },
    [t],
  );
}
