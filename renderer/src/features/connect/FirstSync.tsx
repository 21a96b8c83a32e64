import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SyncProgressBar } from '../sync/SyncProgressBar';
import { useStartSync, useSyncStatus } from '../sync/useSyncStatus';
import { useFollowerTotal } from '../followers/useFollowerTotal';

/** The wizard's last step: the first sync's progress; the main window can be opened any time. */
export function FirstSync({ accountId, onOpen }: { accountId: string; onOpen: () => void }) {
  const { t } = useTranslation();
  const status = useSyncStatus(accountId);
  const start = useStartSync(accountId);
  const data = status.data;
  const finished = data !== undefined && !data.running && data.lastSyncedAt !== null;
  const total = useFollowerTotal(accountId, finished);
  // The count is read from the cache once the sync is over; until it arrives the bar stays full
  // instead of a moment of "0 followers".
  const counted = finished && total.isFetchedAfterMount && total.data !== undefined;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        {counted ? t('connect.sync.titleDone') : t('connect.sync.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('connect.sync.lead')}</Typography.Paragraph>
      {counted ? (
        <Result
          icon={<CheckCircleFilled aria-hidden />}
          status="success"
          title={t('connect.sync.done', { count: total.data })}
        />
      ) : (
        <SyncProgressBar status={finished && data ? { ...data, percent: 100 } : data} />
      )}
      {data?.lastError && !data.running ? (
        <ErrorAlert error={data.lastError} onRetry={() => start.mutate()} retryLabel={t('sync.resume')} />
      ) : null}
      <div>
        <Button type="primary" size="large" onClick={onOpen}>
          {t('connect.sync.open')}
        </Button>
      </div>
    </Flex>
  );
}
