import { SyncOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Skeleton, Tooltip, Typography } from 'antd';
import type { InputRef } from 'antd';
import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '#contract/accounts';
import type { GroupSummary } from '#contract/followers';
import { errorData } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { lazyPart } from '../../components/lazyPart';
import { useAppReadyMarker } from '../../components/useAppReadyMarker';
import { useOpenedOnce } from '../../components/useOpenedOnce';
import { ExportButton } from '../export/ExportButton';
import { BulkActions } from '../jobs/BulkActions';
import type { BulkAction } from '../jobs/bulkRequest';
import { SyncProgressBar } from '../sync/SyncProgressBar';
import { useStartSync, useSyncStatus } from '../sync/useSyncStatus';
import { FilterChips } from './FilterChips';
import { emptyListWords } from './emptyListWords';
import { hasFilters, noFilters, toQuery, type FollowerFilters } from './followerFilters';
import { FollowersTable } from './FollowersTable';
import { FollowersToolbar } from './FollowersToolbar';
import { shortOpenid } from './followerName';
import { NoNicknamesNotice } from './NoNicknamesNotice';
import {
  emptySelection,
  isAllMatching,
  selectAllMatching,
  selectedCount,
  selectionOf,
  setSelected,
  type Selection,
} from './selection';
import { useFirstWindow } from './useFollowerWindows';
import { RESERVED_GROUP } from '#contract/reservedGroups';

// One follower's action from a row's menu: the bulk dialog, for one.
const BulkDialog = lazyPart(() => import('../jobs/BulkDialog').then((m) => m.BulkDialog));

// The detail drawer loads with the first follower opened (or in idle time once the list is up).
const FollowerDrawer = lazyPart(() => import('./FollowerDrawer').then((m) => m.FollowerDrawer));

interface Props {
  account: AccountSummary;
  filters: FollowerFilters;
  onFilters: (filters: FollowerFilters) => void;
  groups: readonly GroupSummary[];
  groupNames: ReadonlyMap<number, string>;
  term: string;
  blockedReason: string | null;
  onJobStarted: () => void;
}

/** Toolbar, filter chips, selection bar, the virtualized table and the detail drawer. */
export function FollowersView(props: Props) {
  const { account, filters, onFilters, groupNames, term, blockedReason } = props;
  const { t } = useTranslation();
  const searchRef = useRef<InputRef>(null);
  const onScreenRef = useRef<(() => string[]) | null>(null);
  const [openid, setOpenid] = useState<string | null>(null);
  const [rowAction, setRowAction] = useState<{ openid: string; action: BulkAction } | null>(null);
  const drawerMounted = useOpenedOnce(openid !== null);
  const query = useMemo(() => toQuery(filters), [filters]);
  const queryKey = JSON.stringify(query);
  const [selection, setSelection] = useState<{ key: string; value: Selection }>({
    key: queryKey,
    value: emptySelection,
  });
  // A new filter starts a new selection: ticks on rows no longer listed would surprise.
  const current = selection.key === queryKey ? selection.value : emptySelection;
  const select = (value: Selection) => setSelection({ key: queryKey, value });

  const first = useFirstWindow(account.id, query);
  const sync = useSyncStatus(account.id);
  const startSync = useStartSync(account.id);
  useAppReadyMarker(first.isSuccess);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        searchRef.current?.focus({ cursor: 'all' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const groupOptions = useMemo(
    () =>
      props.groups
        .filter((g) => g.id !== RESERVED_GROUP.ungrouped && g.id !== RESERVED_GROUP.blacklist)
        .map((g) => ({ value: g.id, label: groupNames.get(g.id) ?? g.name })),
    [props.groups, groupNames],
  );

  const total = first.data?.total ?? 0;
  const anonymous = first.data?.rows.find((r) => r.remark === '');
  const count = selectedCount(current, total);
  // What the bulk dialog offers (as the drawer): 星标组 is a tag followers may be given, but a
  // reserved group in the 2014 API.
  const pickOptions = groupOptions.filter(
    (g) => g.value !== RESERVED_GROUP.starred || account.groupApi === 'tags',
  );

  const body = () => {
    if (first.isError)
      return <ErrorAlert error={errorData(first.error)} onRetry={() => void first.refetch()} />;
    // An empty list being re-read (a sync just finished) is not yet "no followers": showing the
    // empty state for that moment would flash a second 立即同步 button.
    if (!first.data || (total === 0 && first.isFetching))
      return (
        <div style={{ padding: 16 }} aria-busy>
          <Skeleton active paragraph={{ rows: 12 }} />
        </div>
      );
    if (total === 0 && !first.isPlaceholderData) {
      if (hasFilters(filters)) {
        const words = emptyListWords(filters, (id) => groupNames.get(id) ?? `#${id}`, term, t);
        return (
          <Empty style={{ marginTop: 64 }} description={<EmptyText title={words.title} body={words.body} />}>
            <Button onClick={() => onFilters({ ...noFilters, sort: filters.sort })}>
              {t(words.action === 'all' ? 'followers.empty.showAll' : 'followers.empty.clearFilters')}
            </Button>
          </Empty>
        );
      }
      if (sync.data?.running)
        return (
          <Flex vertical style={{ maxWidth: 480, margin: '64px auto' }} gap={12}>
            <EmptyText title={t('followers.empty.syncingTitle')} body={t('followers.empty.syncingBody')} />
            <SyncProgressBar status={sync.data} />
          </Flex>
        );
      return (
        <Empty
          style={{ marginTop: 64 }}
          description={
            <EmptyText title={t('followers.empty.noneTitle')} body={t('followers.empty.noneBody')} />
          }
        >
          <Tooltip title={blockedReason}>
            <Button
              type="primary"
              icon={<SyncOutlined aria-hidden />}
              disabled={blockedReason !== null}
              loading={startSync.isPending}
              onClick={() => startSync.mutate()}
            >
              {t('shell.sync')}
            </Button>
          </Tooltip>
        </Empty>
      );
    }
    return (
      <FollowersTable
        accountId={account.id}
        legacy={account.groupApi === 'groups'}
        filter={query}
        total={total}
        firstRows={first.data.rows}
        sort={filters.sort}
        onSort={(sort) => onFilters({ ...filters, sort })}
        selection={current}
        onSelection={select}
        groupNames={groupNames}
        onOpen={setOpenid}
        stale={first.isPlaceholderData}
        onScreenRef={onScreenRef}
        onAction={(openid, action) => setRowAction({ openid, action })}
        blockedReason={blockedReason}
        term={term}
      />
    );
  };

  return (
    <Flex vertical gap={10} style={{ height: '100%', minHeight: 0, padding: '12px 16px 0' }}>
      <FollowersToolbar
        filters={filters}
        onChange={onFilters}
        groupOptions={groupOptions}
        searchRef={searchRef}
        legacy={account.groupApi === 'groups'}
      />
      <FilterChips
        filters={filters}
        onChange={onFilters}
        groupNames={groupNames}
        legacy={account.groupApi === 'groups'}
      />
      {anonymous ? <NoNicknamesNotice example={shortOpenid(anonymous.openid)} /> : null}
      <Flex align="center" justify="space-between" gap={12} wrap style={{ minHeight: 32 }}>
        <Flex align="center" gap={12} wrap>
          <Typography.Text type="secondary" data-testid="follower-count" aria-live="polite">
            {!first.data
              ? ''
              : total === 0 && sync.data?.running && sync.data.lastSyncedAt === null
                ? t('followers.countPending')
                : t('followers.count', { count: total })}
          </Typography.Text>
          {count > 0 ? (
            <Typography.Text strong role="status">
              {isAllMatching(current)
                ? t('followers.selection.allMatching', { count })
                : t('followers.selection.count', { count })}
            </Typography.Text>
          ) : null}
          {/* As the console: "this page" (here: the rows on screen, added to what is ticked) and
              "everything matching". */}
          {first.data && total > 0 && !isAllMatching(current) ? (
            <Flex align="center" gap={0}>
              <Button
                size="small"
                type="link"
                onClick={() => select(setSelected(current, onScreenRef.current?.() ?? [], true))}
              >
                {t('followers.selection.onScreen')}
              </Button>
              {count > 0 ? (
                <Button size="small" type="link" onClick={() => select(selectAllMatching(query))}>
                  {t('followers.selectAllMatching', { count: total })}
                </Button>
              ) : null}
            </Flex>
          ) : null}
          {count > 0 ? (
            <Button size="small" type="link" onClick={() => select(emptySelection)}>
              {t('followers.selection.clear')}
            </Button>
          ) : null}
          {count > 0 && current.mode === 'ids' ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('followers.selection.shiftHint')}
            </Typography.Text>
          ) : null}
        </Flex>
        <Flex align="center" gap={8}>
          <ExportButton
            accountId={account.id}
            query={query}
            total={first.data ? total : 0}
            groupName={(id) => groupNames.get(id) ?? `#${id}`}
          />
          <BulkActions
            accountId={account.id}
            selection={count === 0 ? null : current}
            count={count}
            term={term}
            groupOptions={pickOptions}
            blockedReason={blockedReason}
            currentGroup={filters.groupIds.length === 1 ? filters.groupIds[0] : undefined}
            onStarted={() => {
              select(emptySelection);
              props.onJobStarted();
            }}
          />
        </Flex>
      </Flex>
      <div style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>{body()}</div>
      <Suspense fallback={null}>
        {rowAction ? (
          <BulkDialog
            accountId={account.id}
            action={rowAction.action}
            selection={selectionOf([rowAction.openid])}
            count={1}
            term={term}
            groupOptions={pickOptions}
            onClose={() => setRowAction(null)}
            onStarted={() => {
              setRowAction(null);
              props.onJobStarted();
            }}
          />
        ) : null}
        {drawerMounted ? (
          <FollowerDrawer
            account={account}
            openid={openid}
            groupNames={groupNames}
            blockedReason={blockedReason}
            onClose={() => setOpenid(null)}
          />
        ) : null}
      </Suspense>
    </Flex>
  );
}

function EmptyText({ title, body }: { title: string; body: string }) {
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 16, marginBottom: 4 }}>
        {title}
      </Typography.Title>
      <Typography.Text type="secondary">{body}</Typography.Text>
    </>
  );
}
