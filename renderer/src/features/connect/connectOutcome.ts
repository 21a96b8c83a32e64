import type { AppErrorData } from '#contract/result';

/** What a failed connection test means for the wizard: which help to show. */
export type ConnectProblem =
  | { kind: 'field'; field: 'appId' | 'appSecret'; error: AppErrorData }
  | { kind: 'ip'; ip: string | null; error: AppErrorData }
  | { kind: 'unauthorized'; error: AppErrorData | null }
  | { kind: 'confirm'; pending: boolean; error: AppErrorData }
  /** Already connected: offer to open it instead. */
  | { kind: 'exists'; accountId: string | null; error: AppErrorData }
  | { kind: 'other'; error: AppErrorData };

const fieldOf: Partial<Record<AppErrorData['code'], 'appId' | 'appSecret'>> = {
  APPID_FORMAT: 'appId',
  INVALID_APPID: 'appId',
  APPSECRET_FORMAT: 'appSecret',
  INVALID_APPSECRET: 'appSecret',
  APPSECRET_FROZEN: 'appSecret',
};

export function classifyConnectError(error: AppErrorData): ConnectProblem {
  const field = fieldOf[error.code];
  if (field) return { kind: 'field', field, error };
  switch (error.code) {
    case 'IP_NOT_WHITELISTED': {
      const ip = error.params['ip'] ?? error.params['ipv6'];
      return { kind: 'ip', ip: typeof ip === 'string' && ip !== '' ? ip : null, error };
    }
    case 'ACCOUNT_EXISTS':
      return { kind: 'exists', accountId: null, error };
    case 'API_UNAUTHORIZED':
      return { kind: 'unauthorized', error };
    case 'IP_CONFIRM_REQUIRED':
    case 'IP_CONFIRM_PENDING':
      return { kind: 'confirm', pending: error.code === 'IP_CONFIRM_PENDING', error };
    default:
      return { kind: 'other', error };
  }
}
