import { useSyncStatus } from '../sync/useSyncStatus';
import {
  DeleteOutlined,
  EditOutlined,
  MoreOutlined,
  PlusOutlined,
  StarOutlined,
  StopOutlined,
  TagOutlined,
  TagsOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Flex, Skeleton, Tooltip, Typography } from 'antd';
import { Suspense, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '#contract/accounts';
import type { GroupSummary } from '#contract/followers';
import { ErrorAlert } from '../../components/ErrorAlert';
import { lazyPart } from '../../components/lazyPart';
import { errorData } from '../../api';
import type { SidebarView } from '../followers/followerFilters';
import { useFollowerTotal } from '../followers/useFollowerTotal';
import { useJobActions } from '../jobs/useJobs';
import { TAG_LIMIT } from './groupNameRules';
import { SidebarItem } from './SidebarItem';
import { groupLabel, termKey, useGroupMutations, useGroups } from './useGroups';
import { RESERVED_GROUP } from '#contract/reservedGroups';

// The dialogs load with their first use (or in idle time once the list is up).
const DeleteGroupDialog = lazyPart(() => import('./DeleteGroupDialog').then((m) => m.DeleteGroupDialog));
const GroupNameDialog = lazyPart(() => import('./GroupNameDialog').then((m) => m.GroupNameDialog));

interface Props {
  account: AccountSummary;
  view: SidebarView;
  onView: (view: SidebarView) => void;
  /** Why changes are not possible right now (offline), or null. */
  blockedReason: string | null;
}

type Dialog =
  { kind: 'create' } | { kind: 'rename'; group: GroupSummary } | { kind: 'delete'; group: GroupSummary };

/**
 * The groups sidebar: all followers, the system groups (starred, no group, blacklist) with counts,
 * then the account's own groups with rename/delete; reserved groups say why they can't change.
 */
export function GroupsSidebar({ account, view, onView, blockedReason }: Props) {
  const { t } = useTranslation();
  const groups = useGroups(account.id);
  const total = useFollowerTotal(account.id);
  const syncStatus = useSyncStatus(account.id);
  const mutations = useGroupMutations(account.id);
  const deleteAsJob = useJobActions(account.id).deleteGroup;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const term = t(termKey(account.groupApi));
  const isTags = account.groupApi === 'tags';

  if (groups.isPending)
    return (
      <div style={{ padding: 16 }} aria-busy>
        <Skeleton active paragraph={{ rows: 8 }} title={false} />
      </div>
    );
  if (groups.isError)
    return (
      <div style={{ padding: 12 }}>
        <ErrorAlert error={errorData(groups.error)} onRetry={() => void groups.refetch()} />
      </div>
    );

  // The first sync is still reading: the cache's counts are not counts yet.
  const counting = groups.data.lastSyncedAt === null && (syncStatus.data?.running ?? false);
  const shown = (n: number | undefined) => (counting ? undefined : n);
  const list = groups.data.groups;
  const system = list.filter(
    (g) => g.system && g.id !== RESERVED_GROUP.ungrouped && g.id !== RESERVED_GROUP.blacklist,
  );
  const custom = list.filter((g) => !g.system);
  const atLimit = isTags && custom.length >= TAG_LIMIT;
  const createBlocked =
    blockedReason ?? (atLimit ? t('groups.limitReached', { max: TAG_LIMIT, term }) : null);
  const label = (g: GroupSummary) => groupLabel(g, t);
  const selected = (v: SidebarView) =>
    view.kind === v.kind && (v.kind !== 'group' || (view.kind === 'group' && view.id === v.id));

  return (
    <nav aria-label={t('shell.mainNav')} style={{ padding: '12px 8px', overflowY: 'auto', height: '100%' }}>
      <Typography.Title level={2} style={{ fontSize: 14, margin: '4px 8px 8px' }} type="secondary">
        {t('groups.system')}
      </Typography.Title>
      <SidebarItem
        icon={<TeamOutlined aria-hidden />}
        name={t('groups.all')}
        count={shown(total.data)}
        selected={selected({ kind: 'all' })}
        onClick={() => onView({ kind: 'all' })}
      />
      {system.map((g) => (
        <SidebarItem
          key={g.id}
          icon={<StarOutlined aria-hidden />}
          name={label(g)}
          count={shown(g.count)}
          selected={selected({ kind: 'group', id: g.id })}
          onClick={() => onView({ kind: 'group', id: g.id })}
          reserved
        />
      ))}
      <SidebarItem
        icon={<UserOutlined aria-hidden />}
        name={t('groups.ungrouped')}
        count={shown(groups.data.ungrouped)}
        selected={selected({ kind: 'ungrouped' })}
        onClick={() => onView({ kind: 'ungrouped' })}
        reserved
      />
      <SidebarItem
        icon={<StopOutlined aria-hidden />}
        name={t('groups.blacklist')}
        count={shown(groups.data.blacklisted)}
        selected={selected({ kind: 'blacklist' })}
        onClick={() => onView({ kind: 'blacklist' })}
        reserved
      />

      <Flex align="center" justify="space-between" style={{ margin: '16px 8px 8px' }}>
        <Typography.Title level={2} style={{ fontSize: 14, margin: 0 }} type="secondary">
          {t('groups.custom', { term })}
        </Typography.Title>
        <Tooltip title={createBlocked}>
          <Button
            size="small"
            type="text"
            icon={<PlusOutlined aria-hidden />}
            disabled={createBlocked !== null}
            onClick={() => setDialog({ kind: 'create' })}
          >
            {t('groups.create', { term })}
          </Button>
        </Tooltip>
      </Flex>
      {custom.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: '0 8px' }}>
          {t('groups.emptyCustom', { term })}
        </Typography.Paragraph>
      ) : null}
      {custom.map((g) => (
        <SidebarItem
          key={g.id}
          icon={isTags ? <TagOutlined aria-hidden /> : <TagsOutlined aria-hidden />}
          name={g.name}
          count={shown(g.count)}
          selected={selected({ kind: 'group', id: g.id })}
          onClick={() => onView({ kind: 'group', id: g.id })}
          menu={
            // A tooltip only when there is something to say: one per tag adds up on the first render.
            <WhyDisabled reason={blockedReason}>
              <Dropdown
                trigger={['click']}
                disabled={blockedReason !== null}
                menu={{
                  items: [
                    { key: 'rename', icon: <EditOutlined aria-hidden />, label: t('common.rename') },
                    {
                      key: 'delete',
                      icon: <DeleteOutlined aria-hidden />,
                      label: t('common.delete'),
                      danger: true,
                    },
                  ],
                  onClick: ({ key }) => setDialog({ kind: key === 'rename' ? 'rename' : 'delete', group: g }),
                }}
              >
                <Button
                  size="small"
                  type="text"
                  icon={<MoreOutlined aria-hidden />}
                  aria-label={t('groups.menu', { name: g.name })}
                  disabled={blockedReason !== null}
                />
              </Dropdown>
            </WhyDisabled>
          }
        />
      ))}

      <Suspense fallback={null}>
        {dialog?.kind === 'create' || dialog?.kind === 'rename' ? (
          <GroupNameDialog
            groups={list}
            term={term}
            {...(dialog.kind === 'rename' ? { renaming: dialog.group } : {})}
            onSubmit={(name) =>
              dialog.kind === 'rename'
                ? mutations.rename.mutateAsync({ id: dialog.group.id, name })
                : mutations.create.mutateAsync(name)
            }
            onClose={() => setDialog(null)}
          />
        ) : null}
        {dialog?.kind === 'delete' ? (
          <DeleteGroupDialog
            group={dialog.group}
            label={dialog.group.name}
            term={term}
            isTags={isTags}
            onDelete={async () => {
              await mutations.remove.mutateAsync(dialog.group.id);
              if (view.kind === 'group' && view.id === dialog.group.id) onView({ kind: 'all' });
            }}
            onDeleteAsJob={isTags ? () => deleteAsJob.mutateAsync(dialog.group.id) : null}
            onClose={() => setDialog(null)}
          />
        ) : null}
      </Suspense>
    </nav>
  );
}

/** Wraps a control in a tooltip saying why it is disabled, and in nothing when it is not. */
function WhyDisabled({ reason, children }: { reason: string | null; children: ReactElement }) {
  return reason ? (
    <Tooltip title={reason} placement="right">
      {children}
    </Tooltip>
  ) : (
    children
  );
}
