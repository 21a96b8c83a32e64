import type { TFunction } from 'i18next';
import type { AccountSummary } from '#contract/accounts';

/** The core names the demo account in Chinese; shown in the user's language unless renamed. */
const CORE_DEMO_NAME = '演示公众号';

export function accountName(account: Pick<AccountSummary, 'name' | 'isDemo'>, t: TFunction): string {
  return account.isDemo && account.name === CORE_DEMO_NAME ? t('accounts.demoName') : account.name;
}
