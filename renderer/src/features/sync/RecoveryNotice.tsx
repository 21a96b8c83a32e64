import { Alert, Button } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';
import { useSyncStatus } from './useSyncStatus';

/**
 * After the cache file was found damaged and rebuilt: what came back (local notes, job history)
 * and what may not have, until the owner says they have read it.
 */
export function RecoveryNotice({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const sync = useSyncStatus(accountId);
  const dismiss = useMutation({
    mutationFn: () => wxg.syncDismissRecovery({ accountId }).then(unwrap),
    onSuccess: (status) => client.setQueryData(queryKeys.sync(accountId), status),
  });
  const recovery = sync.data?.recovery;
  if (!recovery) return null;
  const reason = recovery.reason === 'corrupt' ? t('recovery.corrupt') : t('recovery.newer');
  return (
    <div style={{ padding: '8px 16px 0' }} data-testid="recovery-notice">
      <Alert
        type={recovery.complete ? 'info' : 'warning'}
        showIcon
        role="status"
        title={t('recovery.title')}
        description={
          <>
            <div>{reason}</div>
            <div>
              {/* Each count with its own plural ("1 local note", "0 job records"). */}
              {t('recovery.kept', {
                notes: t('recovery.keptNotes', { count: recovery.notes }),
                jobs: t('recovery.keptJobs', { count: recovery.jobs }),
              })}
              {recovery.jobs > 0 ? t('recovery.jobsPaused') : ''}
              {t('recovery.resync')}
            </div>
            <div>{recovery.complete ? t('recovery.complete') : t('recovery.incomplete')}</div>
          </>
        }
        action={
          <Button size="small" onClick={() => dismiss.mutate()} loading={dismiss.isPending}>
            {t('recovery.dismiss')}
          </Button>
        }
      />
    </div>
  );
}
