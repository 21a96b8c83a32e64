/** Query keys, by account: `data:changed` for an account invalidates everything under it. */
export const queryKeys = {
  appInfo: ['appInfo'] as const,
  updates: ['updates'] as const,
  settings: ['settings'] as const,
  accounts: ['accounts'] as const,
  account: (accountId: string) => ['account', accountId] as const,
  groups: (accountId: string) => ['account', accountId, 'groups'] as const,
  followers: (accountId: string) => ['account', accountId, 'followers'] as const,
  followerPage: (accountId: string, queryKey: string, page: number) =>
    ['account', accountId, 'followers', 'page', queryKey, page] as const,
  follower: (accountId: string, openid: string) =>
    ['account', accountId, 'followers', 'one', openid] as const,
  sync: (accountId: string) => ['account', accountId, 'sync'] as const,
  /** Outside the account's key: a sync's data:changed must not ask WeChat for the quotas again. */
  quota: (accountId: string) => ['quota', accountId] as const,
};
