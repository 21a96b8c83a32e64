import { DisconnectOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/format';
import { useStartSync, useSyncStatus } from '../sync/useSyncStatus';
import { useNetStatus } from './useNetStatus';

/** One line when WeChat can't be reached: since when, and that the saved lists still work. */
export function OfflineBanner({
  accountId,
  lastSyncedAt,
}: {
  accountId: string;
  lastSyncedAt: number | null;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const net = useNetStatus(accountId);
  const retry = useStartSync(accountId);
  const running = useSyncStatus(accountId).data?.running ?? false;
  if (net.online || !net.status) return null;
  return (
    <Alert
      banner
      type="warning"
      icon={<DisconnectOutlined aria-hidden />}
      role="status"
      data-testid="offline-banner"
      title={t('offline.banner', {
        time: format.dateTime(net.status.since),
        synced: lastSyncedAt
          ? t('offline.syncedAt', { time: format.dateTime(lastSyncedAt) })
          : t('offline.neverSynced'),
      })}
      action={
        // A sync tries WeChat again: when it finishes the app is online again; if not, this stays.
        <Button size="small" loading={retry.isPending || running} onClick={() => retry.mutate()}>
          {t('offline.retry')}
        </Button>
      }
    />
  );
}
