import {
  PauseOutlined,
  CaretRightOutlined,
  RollbackOutlined,
  StopOutlined,
  RedoOutlined,
} from '@ant-design/icons';
import { Button, Card, Drawer, Empty, Flex, Popconfirm, Progress, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { errorData } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormatters } from '../../i18n/format';
import { useErrorText } from '../../i18n/useErrorText';
import { shortOpenid } from '../followers/followerName';
import type { JobState, JobView } from './jobsPort';
import { useJobActions, useJobFailures, useJobs, type JobCommand } from './useJobs';

const stateColor: Record<JobState, string> = {
  queued: 'default',
  running: 'processing',
  paused: 'warning',
  done: 'success',
  cancelled: 'default',
  failed: 'error',
};

/** A job's title in words: "移动到“会员”", "撤销：移动到“会员”". */
export function jobTitle(
  job: JobView,
  groupName: (id: number | null) => string,
  t: TFunction,
  jobs: readonly JobView[],
): string {
  const to = groupName(job.toGroupId);
  const from = groupName(job.fromGroupId);
  if (job.kind === 'undo') {
    const of = jobs.find((j) => j.id === job.undoOf);
    return t('jobs.kind.undo', { of: of ? jobTitle(of, groupName, t, jobs) : '' });
  }
  return t(`jobs.kind.${job.kind}`, { to, from });
}

/** Every bulk job of the account: progress, pause/cancel, the result with failures, retry, undo. */
export function JobsPanel({
  accountId,
  open,
  onClose,
  groupName,
}: {
  accountId: string;
  open: boolean;
  onClose: () => void;
  groupName: (id: number | null) => string;
}) {
  const { t } = useTranslation();
  const jobs = useJobs(accountId);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      title={t('jobs.title')}
      closable={{ 'aria-label': t('common.close') }}
    >
      {jobs.isError ? <ErrorAlert error={errorData(jobs.error)} onRetry={() => void jobs.refetch()} /> : null}
      {jobs.data && jobs.data.length === 0 ? <Empty description={t('jobs.empty')} /> : null}
      {!jobs.data && !jobs.isError ? <Empty description={t('jobs.empty')} /> : null}
      <Flex vertical gap={12}>
        {jobs.data?.map((job) => (
          <JobCard key={job.id} job={job} jobs={jobs.data} accountId={accountId} groupName={groupName} />
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
}: {
  job: JobView;
  jobs: readonly JobView[];
  accountId: string;
  groupName: (id: number | null) => string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorText = useErrorText();
  const actions = useJobActions(accountId);
  const [showFailures, setShowFailures] = useState(false);
  const run = (command: JobCommand) => actions.command.mutate({ command, jobId: job.id });
  const finished = job.state === 'done' || job.state === 'cancelled' || job.state === 'failed';
  const percent = job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
  const title = jobTitle(job, groupName, t, jobs);

  return (
    <Card
      size="small"
      title={title}
      extra={<Tag color={stateColor[job.state]}>{t(`jobs.state.${job.state}`)}</Tag>}
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('jobs.startedAt', { time: format.dateTime(job.createdAt) })}
        </Typography.Text>
        <div>
          <Typography.Text>{t('jobs.progress', { done: job.done, total: job.total })}</Typography.Text>
          <Progress
            percent={percent}
            status={job.state === 'running' ? 'active' : job.failed > 0 && finished ? 'exception' : undefined}
            aria-label={`${title}: ${t('jobs.progress', { done: job.done, total: job.total })}`}
          />
        </div>
        {job.state === 'paused' && job.pauseReason ? (
          <Typography.Text type="warning">
            {t('jobs.pausedBecause', { reason: errorText(job.pauseReason) })}
          </Typography.Text>
        ) : null}
        {finished ? (
          <Typography.Text>
            {t('jobs.summary', { succeeded: job.succeeded, failed: job.failed })}
            {job.skipped > 0 ? t('jobs.summarySkipped', { skipped: job.skipped }) : ''}
          </Typography.Text>
        ) : null}
        <Flex gap={8} wrap>
          {job.state === 'running' || job.state === 'queued' ? (
            <Button size="small" icon={<PauseOutlined aria-hidden />} onClick={() => run('pause')}>
              {t('jobs.pause')}
            </Button>
          ) : null}
          {job.state === 'paused' ? (
            <Button size="small" icon={<CaretRightOutlined aria-hidden />} onClick={() => run('resume')}>
              {t('jobs.resume')}
            </Button>
          ) : null}
          {!finished ? (
            <Popconfirm
              title={t('jobs.cancelConfirm')}
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
              <Button size="small" icon={<RedoOutlined aria-hidden />} onClick={() => run('retryFailed')}>
                {t('jobs.retryFailed')}
              </Button>
            </>
          ) : null}
          {finished && job.canUndo ? (
            <Popconfirm
              title={t('jobs.undoConfirm')}
              onConfirm={() => run('undo')}
              okText={t('jobs.undo')}
              cancelText={t('common.back')}
            >
              <Button size="small" icon={<RollbackOutlined aria-hidden />}>
                {t('jobs.undo')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
        {actions.command.isError ? <ErrorAlert error={errorData(actions.command.error)} /> : null}
        {showFailures ? <Failures accountId={accountId} jobId={job.id} /> : null}
      </Flex>
    </Card>
  );
}

function Failures({ accountId, jobId }: { accountId: string; jobId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const failures = useJobFailures(accountId, jobId);
  return (
    <Table
      size="small"
      loading={failures.isPending}
      rowKey="openid"
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      aria-label={t('jobs.failuresTitle')}
      dataSource={failures.data ?? []}
      columns={[
        {
          title: t('jobs.failureOpenid'),
          dataIndex: 'openid',
          width: 130,
          render: (openid: string) => shortOpenid(openid),
        },
        {
          title: t('jobs.failureReason'),
          key: 'reason',
          render: (_: unknown, f) => errorText({ code: f.code, params: f.params ?? {}, retryable: false }),
        },
      ]}
    />
  );
}
