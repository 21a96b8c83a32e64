import { SettingOutlined, SyncOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '#contract/accounts';
import { AccountSwitcher } from '../accounts/AccountSwitcher';
import { runningJob, useJobs } from '../jobs/useJobs';
import { useStartSync, useSyncStatus } from '../sync/useSyncStatus';

interface Props {
  account: AccountSummary;
  accounts: readonly AccountSummary[];
  blockedReason: string | null;
  onAddAccount: () => void;
  onOpenJobs: () => void;
  onOpenSettings: () => void;
}

/** The top bar: product name, account switcher, sync now, jobs and settings. */
export function AppHeader({
  account,
  accounts,
  blockedReason,
  onAddAccount,
  onOpenJobs,
  onOpenSettings,
}: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const sync = useSyncStatus(account.id);
  const startSync = useStartSync(account.id);
  const jobs = useJobs(account.id);
  const running = sync.data?.running ?? false;
  const active = runningJob(jobs.data) ? 1 : 0;
  return (
    <Flex
      component="header"
      align="center"
      justify="space-between"
      gap={12}
      style={{
        padding: '8px 16px',
        borderBottom: `1px solid ${token.colorSplit}`,
        background: token.colorBgContainer,
      }}
    >
      <Flex align="center" gap={16}>
        <Flex align="center" gap={8}>
          <span
            aria-hidden
            style={{ width: 12, height: 12, borderRadius: 6, background: token.colorPrimary, flex: 'none' }}
          />
          <Typography.Title level={1} style={{ fontSize: 18, margin: 0, whiteSpace: 'nowrap' }}>
            {t('app.name')}
          </Typography.Title>
        </Flex>
        <AccountSwitcher account={account} accounts={accounts} onAdd={onAddAccount} />
      </Flex>
      <Flex align="center" gap={8}>
        <Tooltip title={blockedReason}>
          <Button
            icon={<SyncOutlined spin={running} aria-hidden />}
            disabled={blockedReason !== null || running}
            loading={startSync.isPending}
            onClick={() => startSync.mutate()}
          >
            {running ? t('shell.syncing') : t('shell.sync')}
          </Button>
        </Tooltip>
        <Badge count={active} size="small">
          <Button icon={<UnorderedListOutlined aria-hidden />} onClick={onOpenJobs}>
            {t('shell.jobs')}
          </Button>
        </Badge>
        <Button icon={<SettingOutlined aria-hidden />} onClick={onOpenSettings}>
          {t('shell.settings')}
        </Button>
      </Flex>
    </Flex>
  );
}
