import { PlusOutlined } from '@ant-design/icons';
import { App, Flex, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '#contract/accounts';
import { accountName } from './accountName';
import { useSwitchAccount } from './useAccounts';

const ADD = '__add__';

/** Which account the window shows; the demo account wears a badge; the last entry adds one. */
export function AccountSwitcher({
  account,
  accounts,
  onAdd,
}: {
  account: AccountSummary;
  accounts: readonly AccountSummary[];
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const switchTo = useSwitchAccount();
  const label = (a: AccountSummary) => (
    <Flex align="center" gap={6}>
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{accountName(a, t)}</span>
      {a.isDemo ? (
        <Tag color="gold" style={{ marginInlineEnd: 0 }}>
          {t('accounts.demoBadge')}
        </Tag>
      ) : null}
    </Flex>
  );
  return (
    <Select
      aria-label={t('accounts.switcher')}
      value={account.id}
      style={{ minWidth: 200, maxWidth: 280 }}
      loading={switchTo.isPending}
      onChange={(id: string) => {
        if (id === ADD) return onAdd();
        const next = accounts.find((a) => a.id === id);
        switchTo.mutate(id, {
          onSuccess: () =>
            void message.success(t('accounts.switched', { name: next ? accountName(next, t) : id })),
        });
      }}
      options={[
        ...accounts.map((a) => ({ value: a.id, label: label(a), title: accountName(a, t) })),
        {
          value: ADD,
          title: t('accounts.add'),
          label: (
            <span>
              <PlusOutlined aria-hidden /> {t('accounts.add')}
            </span>
          ),
        },
      ]}
    />
  );
}
