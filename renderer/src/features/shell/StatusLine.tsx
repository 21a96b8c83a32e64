import { Button, Divider, Flex, Progress, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/format';
import { useNetStatus } from '../network/useNetStatus';
import { useStartSync, useSyncStatus } from '../sync/useSyncStatus';
import { jobDone, runningJob, useJobs } from '../jobs/useJobs';
import { useNow } from './useNow';

/** The bottom line: connection, last sync (or the running one), and a running job. */
export function StatusLine({
  accountId,
  lastSyncedAt,
  isDemo = false,
}: {
  accountId: string;
  lastSyncedAt: number | null;
  /** The demo talks to the built-in emulator: it must not claim to be connected to WeChat. */
  isDemo?: boolean;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const format = useFormatters();
  const now = useNow(30_000);
  const net = useNetStatus(accountId);
  const sync = useSyncStatus(accountId);
  const startSync = useStartSync(accountId);
  const jobs = useJobs(accountId);
  const job = runningJob(jobs.data);
  const status = sync.data;
  const synced = status?.lastSyncedAt ?? lastSyncedAt;
  // WeChat answers, but refuses this computer (IP whitelist): reachable is not "connected".
  const refused = status?.lastError?.code === 'IP_NOT_WHITELISTED';
  // Counts restart with each phase (blacklist, then followers): name the phase so they make sense.
  const syncingText = status
    ? t('status.syncing', {
        phase: t(`sync.phase.${status.phase}`).toLowerCase(),
        done: status.done,
        total: status.total,
      })
    : '';

  const dot = (color: string) => (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 8,
        height: 8,
        borderRadius: 4,
        background: color,
        marginInlineEnd: 6,
      }}
    />
  );

  return (
    <Flex
      component="footer"
      role="contentinfo"
      aria-label={t('status.label')}
      align="center"
      gap={4}
      wrap
      style={{
        padding: '6px 16px',
        borderTop: `1px solid ${token.colorSplit}`,
        background: token.colorBgContainer,
        fontSize: 13,
        minHeight: 36,
        // Wrapped to two lines (English at 1 024 px), it keeps both rather than being squeezed.
        flexShrink: 0,
      }}
    >
      <Typography.Text data-testid="net-status">
        {!net.known && !isDemo
          ? dot(token.colorTextQuaternary)
          : net.online && !refused
            ? dot(token.colorSuccess)
            : dot(token.colorError)}
        {!net.online
          ? t('status.offlineSince', { time: format.dateTime(net.status?.since ?? now) })
          : refused
            ? t('status.refused')
            : isDemo
              ? t('status.demo')
              : t(net.known ? 'status.online' : 'status.checking')}
      </Typography.Text>
      <Divider orientation="vertical" />
      {status?.running ? (
        <Flex align="center" gap={8}>
          <Typography.Text>
            {/* Offline, a sync keeps trying by itself: say that rather than "starting". */}
            {!net.online
              ? t('status.syncWaiting')
              : status.total > 0
                ? syncingText
                : t('status.syncingStarting')}
          </Typography.Text>
          {status.total > 0 ? (
            <Progress
              percent={status.percent}
              size="small"
              showInfo={false}
              style={{ width: 120, margin: 0 }}
              aria-label={syncingText}
            />
          ) : null}
        </Flex>
      ) : (
        <Tooltip title={synced ? format.dateTime(synced) : undefined}>
          <Typography.Text data-testid="last-synced">
            {/* Beside "the latest sync did not finish", the time is that of the last one that did. */}
            {synced
              ? t(status?.lastError ? 'status.lastCompleteSync' : 'status.lastSynced', {
                  time: format.relative(synced, now),
                })
              : t('status.neverSynced')}
          </Typography.Text>
        </Tooltip>
      )}
      {status?.needsFullSync && !status.running ? (
        <>
          <Divider orientation="vertical" />
          <Typography.Text type="warning">{t('sync.needsFull')}</Typography.Text>
          <Button size="small" type="link" onClick={() => startSync.mutate()} disabled={!net.online}>
            {t('shell.sync')}
          </Button>
        </>
      ) : null}
      {status?.lastError && !status.running ? (
        <>
          <Divider orientation="vertical" />
          <Typography.Text type="warning">{t('status.syncFailed')}</Typography.Text>
          <Button size="small" type="link" onClick={() => startSync.mutate()} disabled={!net.online}>
            {t('sync.resume')}
          </Button>
        </>
      ) : null}
      {job ? (
        <>
          <Divider orientation="vertical" />
          <Typography.Text type={job.status === 'paused' ? 'warning' : undefined}>
            {job.status === 'paused'
              ? t(job.pauseReason === 'user' ? 'status.jobPaused' : 'status.jobWaiting', {
                  done: jobDone(job),
                  total: job.total,
                })
              : t('status.jobRunning', { done: jobDone(job), total: job.total })}
          </Typography.Text>
        </>
      ) : null}
    </Flex>
  );
}
