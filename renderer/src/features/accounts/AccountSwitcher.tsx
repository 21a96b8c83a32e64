import { PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Flex, Select, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '#contract/accounts';
import { accountName } from './accountName';
import { useSwitchAccount } from './useAccounts';
import { useOpenDemo } from './useOpenDemo';

const ADD = '__add__';
const DEMO = '__demo__';

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
  const openDemo = useOpenDemo();
  // Someone who connected straight away can still try the demo later, from here.
  const hasDemo = accounts.some((a) => a.isDemo);
  const demoBadge = (
    <Tag color="gold" style={{ marginInlineEnd: 0 }}>
      {t('accounts.demoBadge')}
    </Tag>
  );
  // Labels are plain text (what screen readers announce); icons and the demo badge are drawn
  // around them by optionRender and labelRender.
  const options = [
    ...accounts.map((a) => ({ value: a.id, label: accountName(a, t), kind: a.isDemo ? 'demo' : 'account' })),
    ...(hasDemo ? [] : [{ value: DEMO, label: t('welcome.tryDemo'), kind: 'tryDemo' }]),
    { value: ADD, label: t('accounts.add'), kind: 'add' },
  ];
  const kindOf = (value: unknown) => options.find((o) => o.value === value)?.kind;
  const draw = (text: ReactNode, kind: string | undefined) =>
    kind === 'add' ? (
      <span>
        <PlusOutlined aria-hidden /> {text}
      </span>
    ) : kind === 'tryDemo' ? (
      <span>
        <PlayCircleOutlined aria-hidden /> {text}
      </span>
    ) : (
      <Flex align="center" gap={6}>
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{text}</span>
        {kind === 'demo' ? demoBadge : null}
      </Flex>
    );
  return (
    <Select
      aria-label={t('accounts.switcher')}
      value={account.id}
      style={{ minWidth: 200, maxWidth: 280 }}
      loading={switchTo.isPending || openDemo.isPending}
      onChange={(id: string) => {
        if (id === ADD) return onAdd();
        if (id === DEMO) return openDemo.mutate();
        const next = accounts.find((a) => a.id === id);
        switchTo.mutate(id, {
          onSuccess: () =>
            void message.success(t('accounts.switched', { name: next ? accountName(next, t) : id })),
        });
      }}
      options={options}
      optionRender={(option) => draw(option.label, kindOf(option.value))}
      labelRender={(selected) => draw(selected.label, kindOf(selected.value))}
    />
  );
}
