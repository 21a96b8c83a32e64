import { DisconnectOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/format';
import { useNetCheck } from './useNetCheck';
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
  const check = useNetCheck(accountId);
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
        // The app looks by itself every few seconds; this looks now.
        <Button size="small" loading={check.isPending} onClick={() => check.mutate()}>
          {t('offline.retry')}
        </Button>
      }
    />
  );
}
