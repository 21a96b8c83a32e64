import { DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, Tooltip } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyPart } from '../../components/lazyPart';
import type { Selection } from '../followers/selection';
import type { BulkAction } from './bulkRequest';

// The dialog loads with the first bulk action picked (or in idle time once the list is up).
const BulkDialog = lazyPart(() => import('./BulkDialog').then((m) => m.BulkDialog));

export interface BulkActionsProps {
  accountId: string;
  /** What is ticked, or null when nothing is. */
  selection: Selection | null;
  count: number;
  term: string;
  groupOptions: { value: number; label: string }[];
  /** Why WeChat actions are unavailable (offline), or null. */
  blockedReason: string | null;
  /** The group the list is showing, if one: the natural "from" of a move. */
  currentGroup?: number | undefined;
  onStarted: () => void;
  /** The button's words (default 批量操作; one follower's panel says what it is for). */
  label?: string;
}

/** The bulk menu on a selection: move, add to, remove from a group; blacklist and unblacklist. */
export function BulkActions(props: BulkActionsProps) {
  const { accountId, selection, count, term, groupOptions, blockedReason, onStarted } = props;
  const { t } = useTranslation();
  const [action, setAction] = useState<BulkAction | null>(null);
  const disabledReason = blockedReason ?? (selection === null ? t('bulk.menuDisabledNoSelection') : null);

  return (
    <>
      <Tooltip title={disabledReason}>
        <Dropdown
          disabled={disabledReason !== null}
          trigger={['click']}
          menu={{
            items: [
              { key: 'move', label: t('bulk.move', { term }) },
              { key: 'add', label: t('bulk.add', { term }) },
              { key: 'remove', label: t('bulk.remove', { term }) },
              { type: 'divider' },
              { key: 'blacklist', label: t('bulk.blacklist'), danger: true },
              { key: 'unblacklist', label: t('bulk.unblacklist') },
            ],
            onClick: ({ key }) => setAction(key as BulkAction),
          }}
        >
          <Button disabled={disabledReason !== null} aria-disabled={disabledReason !== null}>
            {props.label ?? t('bulk.menu')} <DownOutlined aria-hidden />
          </Button>
        </Dropdown>
      </Tooltip>
      <Suspense fallback={null}>
        {action && selection ? (
          <BulkDialog
            accountId={accountId}
            action={action}
            selection={selection}
            count={count}
            term={term}
            groupOptions={groupOptions}
            currentGroup={props.currentGroup}
            onClose={() => setAction(null)}
            onStarted={() => {
              setAction(null);
              onStarted();
            }}
          />
        ) : null}
      </Suspense>
    </>
  );
}
