import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateState } from '#contract';
import { Alert, Button, Checkbox, Flex, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The app's self-update: where it stands, and the owner's say over when it installs. */
export function UpdatePanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const status = useQuery({
    queryKey: queryKeys.updates,
    queryFn: () => wxg.updatesStatus().then(unwrap),
    staleTime: Infinity,
  });
  useEffect(
    () => wxg.on('updates:state', (state) => client.setQueryData(queryKeys.updates, state)),
    [client],
  );
  const act = async (call: () => Promise<UpdateState>) => {
    setBusy(true);
    try {
      client.setQueryData(queryKeys.updates, await call());
    } finally {
      setBusy(false);
    }
  };
  const check = () => act(() => wxg.updatesCheck().then(unwrap));
  const state = status.data;
  if (!state) return null;

  const checkButton = (label: string) => (
    <Button size="small" onClick={() => void check()} loading={busy}>
      {label}
    </Button>
  );
  switch (state.status) {
    case 'off':
      return <Typography.Text type="secondary">{t(`settings.update.off.${state.reason}`)}</Typography.Text>;
    case 'idle':
      return (
        <Flex gap={8} align="center" wrap>
          <Typography.Text type="secondary">{t('settings.update.idle')}</Typography.Text>
          {checkButton(t('settings.update.check'))}
        </Flex>
      );
    case 'checking':
      return <Typography.Text type="secondary">{t('settings.update.checking')}</Typography.Text>;
    case 'upToDate':
      return (
        <Flex gap={8} align="center" wrap>
          <Typography.Text>
            {state.serverOlder
              ? t('settings.update.serverOlder', { version: state.latest })
              : t('settings.update.upToDate')}
          </Typography.Text>
          {checkButton(t('settings.update.check'))}
        </Flex>
      );
    case 'downloading':
      return (
        <Flex vertical gap={4}>
          <Typography.Text>{t('settings.update.downloading', { version: state.version })}</Typography.Text>
          <Progress percent={state.percent} size="small" aria-label={t('settings.update.progress')} />
          {state.total > 0 ? (
            <Typography.Text type="secondary">
              {t('settings.update.size', { done: mb(state.transferred), total: mb(state.total) })}
            </Typography.Text>
          ) : null}
        </Flex>
      );
    case 'ready':
      return (
        <Flex vertical gap={8} align="flex-start">
          <Typography.Text>{t('settings.update.ready', { version: state.version })}</Typography.Text>
          <Checkbox
            checked={state.installOnQuit}
            disabled={busy}
            onChange={(e) =>
              void act(() => wxg.updatesInstallOnQuit({ enabled: e.target.checked }).then(unwrap))
            }
          >
            {t('settings.update.installOnQuit')}
          </Checkbox>
          <Button
            type="primary"
            size="small"
            loading={busy}
            onClick={() => void act(() => wxg.updatesRestart().then(unwrap))}
          >
            {t('settings.update.restart')}
          </Button>
        </Flex>
      );
    case 'error':
      return (
        <Alert
          type="warning"
          showIcon
          title={t(`settings.update.error.${state.reason}`)}
          description={t('settings.update.errorNext')}
          action={checkButton(t('settings.update.retry'))}
        />
      );
  }
}
