import { DisconnectOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/format';
import { queryKeys } from '../../query/keys';
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
  const client = useQueryClient();
  const net = useNetStatus(accountId);
  if (net.online || !net.status) return null;
  return (
    <Alert
      banner
      type="warning"
      icon={<DisconnectOutlined />}
      role="status"
      data-testid="offline-banner"
      title={t('offline.banner', {
        time: format.dateTime(net.status.since),
        synced: lastSyncedAt
          ? t('offline.syncedAt', { time: format.dateTime(lastSyncedAt) })
          : t('offline.neverSynced'),
      })}
      action={
        // Asking for the groups makes the core try WeChat again; success flips the status back.
        <Button
          size="small"
          onClick={() => void client.invalidateQueries({ queryKey: queryKeys.groups(accountId) })}
        >
          {t('offline.retry')}
        </Button>
      }
    />
  );
}
