import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowerQueryInput } from '#contract/followers';
import { errorData } from '../../api';
import { useFormatters } from '../../i18n/format';
import { useErrorText } from '../../i18n/useErrorText';
import { useSceneName } from '../followers/useSceneName';
import { downloadCsv } from './csv';
import { localStamp } from './fileStamp';
import { followersCsv, readAllFollowers } from './followersCsv';

/** Exports the followers the list shows now (its filters and order) as a CSV file for Excel. */
export function ExportButton({
  accountId,
  query,
  total,
  groupName,
}: {
  accountId: string;
  query: Omit<FollowerQueryInput, 'offset' | 'limit'>;
  total: number;
  groupName: (id: number) => string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormatters();
  const scene = useSceneName();
  const errorText = useErrorText();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const run = async () => {
    setProgress({ done: 0, total });
    try {
      const rows = await readAllFollowers(accountId, query, (done, all) => setProgress({ done, total: all }));
      const csv = followersCsv(rows, { group: groupName, scene, format, t });
      const stamp = localStamp(new Date());
      downloadCsv(csv, t('export.fileName', { stamp }));
      void message.success(t('export.done', { count: rows.length }));
    } catch (error) {
      void message.error(t('export.failed', { reason: errorText(errorData(error)) }));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Button
      icon={<DownloadOutlined aria-hidden />}
      disabled={total === 0}
      loading={progress !== null}
      onClick={() => void run()}
    >
      {progress ? t('export.progress', { done: progress.done, total: progress.total }) : t('export.button')}
    </Button>
  );
}
