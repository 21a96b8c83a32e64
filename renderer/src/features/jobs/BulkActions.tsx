import { DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Form, Modal, Select, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorData } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { BulkAction, BulkTarget } from './jobsPort';
import { jobsAvailable, useJobActions } from './useJobs';

interface Props {
  accountId: string;
  /** What is ticked, or null when nothing is. */
  target: BulkTarget | null;
  count: number;
  term: string;
  groupOptions: { value: number; label: string }[];
  /** Why WeChat actions are unavailable (offline), or null. */
  blockedReason: string | null;
  /** The group the list is showing, if one: the natural "from" of a move. */
  currentGroup?: number | undefined;
  onStarted: () => void;
}

/** The bulk menu on a selection: move, add to, remove from a group; blacklist and unblacklist. */
export function BulkActions(props: Props) {
  const { accountId, target, count, term, groupOptions, blockedReason, onStarted } = props;
  const { t } = useTranslation();
  const [action, setAction] = useState<BulkAction | null>(null);
  const disabledReason = !jobsAvailable
    ? t('common.comingSoon')
    : (blockedReason ?? (target === null ? t('bulk.menuDisabledNoSelection') : null));

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
            {t('bulk.menu')} <DownOutlined aria-hidden />
          </Button>
        </Dropdown>
      </Tooltip>
      {action && target ? (
        <BulkDialog
          accountId={accountId}
          action={action}
          target={target}
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
    </>
  );
}

function BulkDialog({
  accountId,
  action,
  target,
  count,
  term,
  groupOptions,
  currentGroup,
  onClose,
  onStarted,
}: Omit<Props, 'blockedReason' | 'target'> & {
  action: BulkAction;
  target: BulkTarget;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { start } = useJobActions(accountId);
  const known = (id: number | undefined) => (groupOptions.some((g) => g.value === id) ? id : undefined);
  const [from, setFrom] = useState<number | undefined>(() =>
    action === 'move' || action === 'remove' ? known(currentGroup) : undefined,
  );
  const [to, setTo] = useState<number | undefined>();
  const needsFrom = action === 'move' || action === 'remove';
  const needsTo = action === 'move' || action === 'add';
  // Only a move has both ends, and they must differ; blacklist actions have neither.
  const ready =
    (!needsFrom || from !== undefined) &&
    (!needsTo || to !== undefined) &&
    (!(needsFrom && needsTo) || from !== to);

  const title =
    action === 'blacklist'
      ? t('bulk.blacklistTitle', { count })
      : action === 'unblacklist'
        ? t('bulk.unblacklistTitle', { count })
        : t(`bulk.pickTitle.${action}`, { count });

  const submit = () => {
    if (!ready) return;
    start.mutate(
      {
        accountId,
        action,
        target,
        ...(needsFrom && from !== undefined ? { from } : {}),
        ...(needsTo && to !== undefined ? { to } : {}),
      },
      {
        onSuccess: () => {
          void message.success(t('bulk.started'));
          onStarted();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={submit}
      okText={t('bulk.start')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        disabled: !ready,
        loading: start.isPending,
        danger: action === 'blacklist',
        autoFocus: true,
      }}
    >
      {action === 'blacklist' ? <Typography.Paragraph>{t('bulk.blacklistBody')}</Typography.Paragraph> : null}
      <Form layout="vertical">
        {needsFrom ? (
          <Form.Item
            label={action === 'move' ? t('bulk.from') : t('bulk.target', { term })}
            htmlFor="bulk-from"
          >
            <Select
              id="bulk-from"
              value={from}
              onChange={setFrom}
              options={groupOptions}
              placeholder={t('bulk.fromPlaceholder', { term })}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        ) : null}
        {needsTo ? (
          <Form.Item label={action === 'move' ? t('bulk.to') : t('bulk.target', { term })} htmlFor="bulk-to">
            <Select
              id="bulk-to"
              value={to}
              onChange={setTo}
              options={groupOptions}
              placeholder={t('bulk.toPlaceholder', { term })}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        ) : null}
      </Form>
      {action === 'move' ? (
        <Typography.Paragraph type="secondary">{t('bulk.moveHint', { term })}</Typography.Paragraph>
      ) : null}
      {start.isError ? <ErrorAlert error={errorData(start.error)} /> : null}
    </Modal>
  );
}
