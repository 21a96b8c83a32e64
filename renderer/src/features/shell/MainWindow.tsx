import { Layout, theme } from 'antd';
import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '#contract/accounts';
import { lazyPart } from '../../components/lazyPart';
import { useOpenedOnce } from '../../components/useOpenedOnce';
import { FollowersView } from '../followers/FollowersView';
import { noFilters, sidebarView, withSidebarView, type FollowerFilters } from '../followers/followerFilters';
import { GroupsSidebar } from '../groups/GroupsSidebar';
import { groupLabel, termKey, useGroups } from '../groups/useGroups';
import { OfflineBanner } from '../network/OfflineBanner';
import { RecoveryNotice } from '../sync/RecoveryNotice';
import { SyncErrorBanner } from '../sync/SyncErrorBanner';
import { useNetStatus } from '../network/useNetStatus';
import { useStartSync, useSyncStatus } from '../sync/useSyncStatus';
import { AppHeader } from './AppHeader';
import { StatusLine } from './StatusLine';

// Drawers load with their first opening (or in idle time once the list is up).
const JobsPanel = lazyPart(() => import('../jobs/JobsPanel').then((m) => m.JobsPanel));
const SettingsDrawer = lazyPart(() => import('../settings/SettingsDrawer').then((m) => m.SettingsDrawer));

interface Props {
  account: AccountSummary;
  accounts: readonly AccountSummary[];
  onAddAccount: () => void;
}

/** The main window for one account: header, groups sidebar, followers, status line. */
export function MainWindow({ account, accounts, onAddAccount }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [filters, setFilters] = useState<FollowerFilters>(noFilters);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [jobsOpen, setJobsOpen] = useState(false);
  const settingsMounted = useOpenedOnce(settingsOpen);
  const jobsMounted = useOpenedOnce(jobsOpen);
  const net = useNetStatus(account.id);
  const groups = useGroups(account.id);
  const blockedReason = net.online ? null : t('common.offlineDisabled');
  const term = t(termKey(account.groupApi));
  useFirstSync(account.id);

  const groupNames = useMemo(
    () => new Map((groups.data?.groups ?? []).map((g) => [g.id, groupLabel(g, t)] as const)),
    [groups.data, t],
  );
  const groupName = (id: number | undefined) => (id === undefined ? '' : (groupNames.get(id) ?? `#${id}`));
  const lastSyncedAt = groups.data?.lastSyncedAt ?? null;

  return (
    <Layout style={{ height: '100vh' }}>
      <AppHeader
        account={account}
        accounts={accounts}
        blockedReason={blockedReason}
        onAddAccount={onAddAccount}
        onOpenJobs={() => setJobsOpen(true)}
        onOpenSettings={() => setSettingsOpen(true)}
      />
      <OfflineBanner accountId={account.id} lastSyncedAt={lastSyncedAt} />
      <RecoveryNotice accountId={account.id} />
      <SyncErrorBanner accountId={account.id} />
      <Layout style={{ minHeight: 0 }}>
        <Layout.Sider
          width={250}
          style={{ background: token.colorBgContainer, borderInlineEnd: `1px solid ${token.colorSplit}` }}
        >
          <GroupsSidebar
            account={account}
            view={sidebarView(filters)}
            onView={(view) => setFilters((f) => withSidebarView(f, view))}
            blockedReason={blockedReason}
          />
        </Layout.Sider>
        {/* A tall banner above can leave little room: the list area then scrolls rather than
            spilling over the status line. */}
        <Layout.Content style={{ background: token.colorBgContainer, minHeight: 0, overflow: 'auto' }}>
          {/* Layout.Content is the <main> landmark already: one, not two nested. */}
          <div style={{ height: '100%' }}>
            <FollowersView
              account={account}
              filters={filters}
              onFilters={setFilters}
              groups={groups.data?.groups ?? []}
              groupNames={groupNames}
              term={term}
              blockedReason={blockedReason}
              onJobStarted={() => setJobsOpen(true)}
            />
          </div>
        </Layout.Content>
      </Layout>
      <StatusLine accountId={account.id} isDemo={account.isDemo} lastSyncedAt={lastSyncedAt} />
      {/* One boundary each: the first opening of one must not hide the other while it loads. */}
      <Suspense fallback={null}>
        {settingsMounted ? (
          <SettingsDrawer account={account} open={settingsOpen} onClose={() => setSettingsOpen(false)} />
        ) : null}
      </Suspense>
      <Suspense fallback={null}>
        {jobsMounted ? (
          <JobsPanel
            accountId={account.id}
            open={jobsOpen}
            onClose={() => setJobsOpen(false)}
            blockedReason={blockedReason}
            groupName={groupName}
          />
        ) : null}
      </Suspense>
    </Layout>
  );
}

/** An account that was never synced (and is not syncing) starts its first sync on its own, once. */
function useFirstSync(accountId: string): void {
  const status = useSyncStatus(accountId);
  const start = useStartSync(accountId);
  const started = useRef(false);
  const data = status.data;
  useEffect(() => {
    if (started.current || !data) return;
    started.current = true;
    if (data.lastSyncedAt === null && !data.running && !data.lastError) start.mutate();
  }, [data, start]);
}
