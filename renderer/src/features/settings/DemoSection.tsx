import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorData, unwrap, wxg } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { queryKeys } from '../../query/keys';

/** Puts the demo account's data back to the start, after asking. */
export function DemoSection() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const reset = useMutation({
    mutationFn: async () => {
      const account = await wxg.demoReset().then(unwrap);
      client.setQueryData(
        queryKeys.sync(account.id),
        await wxg.syncStart({ accountId: account.id }).then(unwrap),
      );
      return account;
    },
    onSuccess: (account) => {
      void client.invalidateQueries({ queryKey: queryKeys.account(account.id) });
      void message.success(t('settings.demoResetDone'));
    },
  });
  return (
    <Flex vertical gap={8} align="flex-start">
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('settings.demo')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('settings.demoResetHint')}</Typography.Text>
      <Button
        loading={reset.isPending}
        onClick={() =>
          void modal.confirm({
            title: t('settings.demoResetConfirm'),
            okText: t('settings.demoReset'),
            cancelText: t('common.cancel'),
            onOk: () => reset.mutateAsync(),
          })
        }
      >
        {t('settings.demoReset')}
      </Button>
      {reset.isError ? <ErrorAlert error={errorData(reset.error)} /> : null}
    </Flex>
  );
}
