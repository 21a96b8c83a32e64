import { App, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorData } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { BulkActionsProps } from './BulkActions';
import type { BulkAction, BulkTarget } from './jobsPort';
import { useJobActions } from './useJobs';

/** The bulk action's dialog: the groups it needs (from, to), a warning for blacklisting, then start. */
export function BulkDialog({
  accountId,
  action,
  target,
  count,
  term,
  groupOptions,
  currentGroup,
  onClose,
  onStarted,
}: Omit<BulkActionsProps, 'blockedReason' | 'target'> & {
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
