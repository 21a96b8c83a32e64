import {
  CaretRightOutlined,
  PauseOutlined,
  RedoOutlined,
  RollbackOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Button, Card, Drawer, Empty, Flex, Popconfirm, Progress, Table, Tag, Typography, theme } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobStatus, JobSummary } from '#contract/jobs';
import { errorData } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormatters, type Formatters } from '../../i18n/format';
import { useErrorText } from '../../i18n/useErrorText';
import { shortOpenid } from '../followers/followerName';
import { isFinished } from './jobsQuery';
import { jobDone, useJobActions, useJobFailures, useJobs, type JobCommand } from './useJobs';

const statusColor: Record<JobStatus, string> = {
  queued: 'default',
  running: 'processing',
  paused: 'warning',
  done: 'success',
  cancelled: 'default',
  failed: 'error',
};

type GroupName = (id: number | undefined) => string;

/** A job's title in words: 移动到“会员”（原“老顾客”）, 撤销：…. */
export function jobTitle(
  job: JobSummary,
  groupName: GroupName,
  t: TFunction,
  jobs: readonly JobSummary[],
): string {
  if (job.undoOf) {
    const of = jobs.find((j) => j.id === job.undoOf);
    if (of) return t('jobs.undoOf', { title: jobTitle(of, groupName, t, jobs) });
  }
  // The names the job was made with: a later rename, delete or reused id does not change them.
  const kept = job.params.names;
  const names = {
    to: kept?.to ?? groupName(job.params.to),
    from: kept?.from ?? groupName(job.params.from),
    group: kept?.groupId ?? groupName(job.params.groupId),
  };
  const title = t(`jobs.kind.${job.kind}`, names);
  return job.undoOf ? t('jobs.undoOf', { title }) : title;
}

/** The jobs worth a card: every bulk job, but of the syncs only the newest (one per sync adds up). */
function listed(jobs: readonly JobSummary[]): JobSummary[] {
  const newestSync = jobs.find((j) => j.kind === 'sync');
  return jobs.filter((j) => j.kind !== 'sync' || j === newestSync);
}

function pausedText(job: JobSummary, t: TFunction, format: Formatters): string | null {
  if (job.status !== 'paused' || !job.pauseReason) return null;
  const time = job.resumeAt ? format.dateTime(job.resumeAt) : '';
  return t(`jobs.paused.${job.pauseReason}`, { time });
}

/** Every bulk job of the account: progress, pause/cancel, the result with failures, retry, undo. */
export function JobsPanel({
  accountId,
  open,
  onClose,
  groupName,
  blockedReason,
}: {
  accountId: string;
  open: boolean;
  onClose: () => void;
  groupName: GroupName;
  blockedReason: string | null;
}) {
  const { t } = useTranslation();
  const jobs = useJobs(accountId);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={540}
      title={t('jobs.title')}
      closable={{ 'aria-label': t('common.close') }}
    >
      {jobs.isError ? <ErrorAlert error={errorData(jobs.error)} onRetry={() => void jobs.refetch()} /> : null}
      {jobs.data?.length === 0 || (!jobs.data && !jobs.isError) ? (
        <Empty description={t('jobs.empty')} />
      ) : null}
      <Flex vertical gap={12}>
        {listed(jobs.data ?? []).map((job) => (
          <JobCard
            key={job.id}
            job={job}
            jobs={jobs.data ?? []}
            accountId={accountId}
            groupName={groupName}
            blockedReason={blockedReason}
          />
        ))}
      </Flex>
    </Drawer>
  );
}

function JobCard({
  job,
  jobs,
  accountId,
  groupName,
  blockedReason,
}: {
  job: JobSummary;
  jobs: readonly JobSummary[];
  accountId: string;
  groupName: GroupName;
  blockedReason: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { token } = theme.useToken();
  const actions = useJobActions(accountId);
  const [showFailures, setShowFailures] = useState(false);
  const run = (command: JobCommand) => actions.command.mutate({ command, job });
  const finished = isFinished(job);
  const done = jobDone(job);
  // A job that stopped on an error is not full, whatever its (maybe zero) total says.
  const percent =
    job.total > 0 ? Math.floor((done / job.total) * 100) : finished && job.status !== 'failed' ? 100 : 0;
  const partlyFailed = job.status === 'done' && job.failed > 0;
  const title = jobTitle(job, groupName, t, jobs);
  const isSync = job.kind === 'sync';
  const progress = t(isSync ? 'jobs.progressSync' : 'jobs.progress', { done, total: job.total });
  const paused = pausedText(job, t, format);

  return (
    <Card
      size="small"
      title={title}
      role="region"
      aria-label={title}
      extra={
        <Flex gap={4}>
          {/* One status: an undone job says so instead of "done". */}
          {job.undoneBy ? (
            <Tag>{t('jobs.undone')}</Tag>
          ) : (
            <Tag color={partlyFailed ? 'warning' : statusColor[job.status]}>
              {partlyFailed ? t('jobs.status.partial') : t(`jobs.status.${job.status}`)}
            </Tag>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('jobs.startedAt', { time: format.dateTime(job.createdAt) })}
        </Typography.Text>
        {/* A finished sync says it all in its summary line; one that has not yet learnt how many
            followers there are has no count to show ("0 / 0"). */}
        {isSync && (job.status === 'done' || job.total === 0) ? null : (
          <div>
            <Typography.Text>{progress}</Typography.Text>
            <Progress
              percent={percent}
              status={
                job.status === 'running'
                  ? 'active'
                  : job.status === 'failed' || (finished && job.failed > 0)
                    ? 'exception'
                    : undefined
              }
              // Partly failed: the followers it did change show green, not one red bar for all.
              success={
                partlyFailed && job.total > 0
                  ? {
                      percent: Math.floor(((job.succeeded + job.skipped) / job.total) * 100),
                      // Set here: the failed bar's red would otherwise colour this part too.
                      strokeColor: token.colorSuccess,
                    }
                  : undefined
              }
              aria-label={`${title}: ${progress}`}
            />
          </div>
        )}
        {paused ? <Typography.Text type="warning">{paused}</Typography.Text> : null}
        {finished && (!isSync || job.status === 'done') ? (
          <Typography.Text strong>
            {isSync
              ? t('jobs.summarySync', { succeeded: job.succeeded })
              : t('jobs.summary', { succeeded: job.succeeded, failed: job.failed })}
            {job.skipped > 0 ? t('jobs.summarySkipped', { skipped: job.skipped }) : ''}
          </Typography.Text>
        ) : null}
        {job.status === 'failed' && job.lastError ? <ErrorAlert error={job.lastError} /> : null}
        <Flex gap={8} wrap>
          {job.status === 'running' || job.status === 'queued' ? (
            <Button size="small" icon={<PauseOutlined aria-hidden />} onClick={() => run('pause')}>
              {t('jobs.pause')}
            </Button>
          ) : null}
          {job.status === 'paused' ? (
            <Button size="small" icon={<CaretRightOutlined aria-hidden />} onClick={() => run('resume')}>
              {t('jobs.resume')}
            </Button>
          ) : null}
          {job.status === 'failed' ? (
            // A job that stopped on an error carries on from where it stopped.
            <Button
              size="small"
              icon={<RedoOutlined aria-hidden />}
              disabled={blockedReason !== null}
              title={blockedReason ?? undefined}
              onClick={() => run('resume')}
            >
              {t('jobs.retry')}
            </Button>
          ) : null}
          {!finished ? (
            <Popconfirm
              title={t(isSync ? 'jobs.cancelConfirmSync' : 'jobs.cancelConfirm')}
              onConfirm={() => run('cancel')}
              okText={t('jobs.cancel')}
              cancelText={t('common.back')}
            >
              <Button size="small" danger icon={<StopOutlined aria-hidden />}>
                {t('jobs.cancel')}
              </Button>
            </Popconfirm>
          ) : null}
          {finished && job.failed > 0 ? (
            <>
              <Button size="small" onClick={() => setShowFailures((v) => !v)} aria-expanded={showFailures}>
                {t('jobs.showFailures')}
              </Button>
              <Button
                size="small"
                icon={<RedoOutlined aria-hidden />}
                disabled={blockedReason !== null}
                title={blockedReason ?? undefined}
                onClick={() => run('retryFailed')}
              >
                {t('jobs.retryFailed')}
              </Button>
            </>
          ) : null}
          {finished && job.canUndo ? (
            // Undoing an undo puts the change back: call it what it is.
            <Popconfirm
              title={t(job.undoOf ? 'jobs.redoConfirm' : 'jobs.undoConfirm')}
              onConfirm={() => run('undo')}
              okText={t(job.undoOf ? 'jobs.redo' : 'jobs.undo')}
              cancelText={t('common.back')}
            >
              <Button size="small" icon={<RollbackOutlined aria-hidden />}>
                {t(job.undoOf ? 'jobs.redo' : 'jobs.undo')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
        {finished && job.undoBlocked ? (
          <Typography.Text type="secondary" data-testid="undo-blocked">
            {t(`jobs.undoBlocked.${job.undoBlocked.reason}`, {
              name: job.undoBlocked.name,
              now: job.undoBlocked.now ?? '',
              action: t(job.undoOf ? 'jobs.redo' : 'jobs.undo').toLowerCase(),
            })}
          </Typography.Text>
        ) : null}
        {actions.command.isError ? <ErrorAlert error={errorData(actions.command.error)} /> : null}
        {showFailures ? <Failures accountId={accountId} jobId={job.id} /> : null}
      </Flex>
    </Card>
  );
}

const FAILURES_PAGE = 10;

function Failures({ accountId, jobId }: { accountId: string; jobId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [page, setPage] = useState(0);
  const failures = useJobFailures(accountId, jobId, page, FAILURES_PAGE);
  return (
    <Table
      size="small"
      loading={failures.isPending}
      rowKey="openid"
      aria-label={t('jobs.failuresTitle')}
      dataSource={failures.data?.failures ?? []}
      pagination={{
        current: page + 1,
        pageSize: FAILURES_PAGE,
        total: failures.data?.total ?? 0,
        hideOnSinglePage: true,
        onChange: (p) => setPage(p - 1),
      }}
      columns={[
        {
          title: t('jobs.failureFollower'),
          key: 'who',
          width: 150,
          render: (_: unknown, f) => f.remark || shortOpenid(f.openid),
        },
        {
          title: t('jobs.failureReason'),
          key: 'reason',
          render: (_: unknown, f) =>
            // 45171 names who failed but not why: the batch's message (with its count) is not a
            // reason for one follower.
            f.code === 'PARTIAL_FAILURE'
              ? t('jobs.failureUnexplained')
              : errorText({
                  code: f.code,
                  params: {},
                  retryable: false,
                  ...(f.errcode !== undefined ? { wechat: { errcode: f.errcode } } : {}),
                }),
        },
      ]}
    />
  );
}
