import { App, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupSummary } from '#contract/followers';
import { errorData } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TAG_DELETE_MAX_FANS } from './groupNameRules';
import type { AppErrorData } from '#contract/result';

/** Confirms a delete, saying how many followers lose the group (and that they stay followers). */
export function DeleteGroupDialog({
  group,
  label,
  term,
  isTags,
  onDelete,
  onDeleteAsJob,
  onClose,
}: {
  group: GroupSummary;
  label: string;
  term: string;
  isTags: boolean;
  onDelete: () => Promise<unknown>;
  /** For a tag too big to delete directly: untag everyone, then delete, as a job (if jobs exist). */
  onDeleteAsJob: (() => Promise<unknown>) | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const tooMany = isTags && group.count > TAG_DELETE_MAX_FANS;

  const asJob = tooMany && onDeleteAsJob !== null;
  const confirm = async () => {
    setDeleting(true);
    setError(null);
    try {
      if (asJob) await onDeleteAsJob();
      else await onDelete();
      void message.success(asJob ? t('bulk.started') : t('groups.deleted', { name: label }));
      onClose();
    } catch (e) {
      setError(errorData(e));
    } finally {
      setDeleting(false);
    }
  };

  return (
    <Modal
      open
      title={t('groups.deleteTitle', { term, name: label })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        // Focus on 取消: a deleted tag cannot come back, so Enter must not be the way to delete it.
        <Button key="cancel" onClick={onClose} autoFocus>
          {t('common.cancel')}
        </Button>,
        <Button
          key="delete"
          danger
          type="primary"
          disabled={tooMany && !asJob}
          loading={deleting}
          onClick={() => void confirm()}
        >
          {asJob ? t('groups.deleteAsJob') : t('groups.deleteConfirm')}
        </Button>,
      ]}
    >
      {tooMany ? (
        <Typography.Paragraph type={asJob ? undefined : 'danger'}>
          {asJob ? t('groups.deleteTooManyJob', { count: group.count }) : t('groups.deleteTooMany')}
        </Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph>
            {group.count > 0
              ? t('groups.deleteBody', { count: group.count, term })
              : t('groups.deleteEmpty', { term })}
          </Typography.Paragraph>
          <Typography.Paragraph strong>{t('groups.deleteIrreversible')}</Typography.Paragraph>
        </>
      )}
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
