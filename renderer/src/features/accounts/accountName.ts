import type { TFunction } from 'i18next';
import type { AccountSummary } from '#contract/accounts';

/** The core names the demo account in Chinese; shown in the user's language unless renamed. */
const CORE_DEMO_NAME = '演示公众号';

/**
 * The wizard's name for an unnamed account, in either language (see connect.form.defaultName):
 * shown in the language the window uses now, not the one it had when the account was added.
 */
const DEFAULT_NAMES = [
  /^我的公众号（AppID 尾号 (\w{4})）$/,
  /^My official account \(AppID ending (\w{4})\)$/,
];

export function accountName(account: Pick<AccountSummary, 'name' | 'isDemo'>, t: TFunction): string {
  if (account.isDemo && account.name === CORE_DEMO_NAME) return t('accounts.demoName');
  for (const pattern of DEFAULT_NAMES) {
    const tail = pattern.exec(account.name)?.[1];
    if (tail) return t('connect.form.defaultName', { tail });
  }
  return account.name;
}
