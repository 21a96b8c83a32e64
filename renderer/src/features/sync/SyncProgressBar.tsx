import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '#contract/dataChannels';

/** "已同步 3,000 / 23,000" with a bar; before the total is known, a moving bar and "准备中". */
export function SyncProgressBar({ status }: { status: SyncStatus | undefined }) {
  const { t } = useTranslation();
  const known = status !== undefined && status.total > 0;
  // The whole sync's share (the core weighs the phases by their calls): it never goes back.
  const percent = status?.percent ?? 0;
  const label = known
    ? t('sync.progress', { done: status.done, total: status.total })
    : t('connect.sync.starting');
  const phase = status && status.phase !== 'idle' ? t(`sync.phase.${status.phase}`) : null;
  return (
    <div>
      <Typography.Text>
        {phase ? `${phase} · ` : ''}
        {label}
      </Typography.Text>
      <Progress
        percent={percent}
        status="active"
        showInfo={known}
        aria-label={label}
        aria-valuenow={percent}
      />
    </div>
  );
}
