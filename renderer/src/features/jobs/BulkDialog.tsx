import { Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorData } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { BulkActionsProps } from './BulkActions';
import { jobKindTakes } from '#contract/jobKindFields';
import type { Selection } from '../followers/selection';
import type { BulkAction } from './bulkRequest';
import { useJobActions } from './useJobs';

/** The "from" of a move that takes followers from no group: they are only added to the new one. */
const FROM_NONE = -1;

/** The bulk action's dialog: the groups it needs (from, to), a warning for blacklisting, then start. */
export function BulkDialog({
  accountId,
  action,
  selection,
  count,
  term,
  groupOptions,
  currentGroup,
  onClose,
  onStarted,
}: Omit<BulkActionsProps, 'blockedReason' | 'selection'> & {
  action: BulkAction;
  selection: Selection;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { start } = useJobActions(accountId);
  // Which groups the dialog asks for: the contract's rule for the kind.
  const needsFrom = jobKindTakes(action, 'from');
  const needsTo = jobKindTakes(action, 'to');
  const known = (id: number | undefined) => (groupOptions.some((g) => g.value === id) ? id : undefined);
  // A move "from no tag" (followers shown under 未分组, say) only adds the new one: an add job.
  const fromOptions =
    action === 'move'
      ? [{ value: FROM_NONE, label: t('bulk.fromNone', { term }) }, ...groupOptions]
      : groupOptions;
  const [from, setFrom] = useState<number | undefined>(() => (needsFrom ? known(currentGroup) : undefined));
  const [to, setTo] = useState<number | undefined>();
  // Only a move has both ends, and they must differ; blacklist actions have neither.
  // Why 开始 cannot be pressed yet, in words (null: it can).
  const notReady =
    needsFrom && from === undefined
      ? t('bulk.needFrom', { term })
      : needsTo && to === undefined
        ? t('bulk.needTo', { term })
        : needsFrom && needsTo && from === to
          ? t('bulk.sameGroup', { term })
          : null;
  const ready = notReady === null;

  const title =
    action === 'blacklist'
      ? t('bulk.blacklistTitle', { count })
      : action === 'unblacklist'
        ? t('bulk.unblacklistTitle', { count })
        : t(`bulk.pickTitle.${action}`, { count });

  const submit = () => {
    if (!ready) return;
    const onlyAdd = action === 'move' && from === FROM_NONE;
    start.mutate(
      {
        accountId,
        action: onlyAdd ? 'add' : action,
        selection,
        // jobsApi sends only the groups the kind takes (an add has no from).
        from,
        to,
      },
      {
        // The jobs panel opens with the new job in it: no toast on top of it.
        onSuccess: () => onStarted(),
      },
    );
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={submit}
      // The button says what it does where it cannot be undone lightly; otherwise 开始.
      okText={
        action === 'blacklist'
          ? t('bulk.blacklistConfirm', { count })
          : action === 'unblacklist'
            ? t('bulk.unblacklistConfirm', { count })
            : t('bulk.start')
      }
      cancelText={t('common.cancel')}
      okButtonProps={{
        disabled: !ready,
        loading: start.isPending,
        danger: action === 'blacklist',
        autoFocus: true,
        'aria-describedby': notReady ? 'bulk-not-ready' : undefined,
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
              options={fromOptions}
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
              // Moving into the group they leave is no move: not offered.
              options={action === 'move' ? groupOptions.filter((g) => g.value !== from) : groupOptions}
              placeholder={t(action === 'move' ? 'bulk.toPlaceholder' : 'bulk.addPlaceholder', { term })}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        ) : null}
      </Form>
      {action === 'move' ? (
        <Typography.Paragraph type="secondary">{t('bulk.moveHint', { term })}</Typography.Paragraph>
      ) : null}
      {notReady ? (
        <Typography.Text type="warning" id="bulk-not-ready">
          {notReady}
        </Typography.Text>
      ) : null}
      {start.isError ? <ErrorAlert error={errorData(start.error)} /> : null}
    </Modal>
  );
}
