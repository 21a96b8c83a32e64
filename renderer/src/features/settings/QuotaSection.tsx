import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QuotaItem } from '#contract/wechatChannels';
import { errorData } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormatters } from '../../i18n/format';
import { useQuota } from './useQuota';

/**
 * Used / limit / left today for each call the app makes, read from WeChat (openapi/quota/get):
 * limits differ per account, so they are never guessed. A path WeChat does not report says so.
 */
export function QuotaSection({ accountId, open }: { accountId: string; open: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const quota = useQuota(accountId, open);
  const count = (value: number | null) => (value === null ? t('common.dash') : format.number(value));
  return (
    <section aria-labelledby="quota-title" data-testid="quota-section">
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }} id="quota-title">
            {t('quota.title')}
          </Typography.Title>
          <Button
            size="small"
            icon={<ReloadOutlined aria-hidden />}
            loading={quota.isFetching}
            onClick={() => void quota.refetch()}
          >
            {t('quota.refresh')}
          </Button>
        </Flex>
        <Typography.Text type="secondary">{t('quota.lead')}</Typography.Text>
        {quota.isError ? <ErrorAlert error={errorData(quota.error)} /> : null}
        <Table<QuotaItem>
          size="small"
          pagination={false}
          rowKey="api"
          loading={quota.isPending && open}
          dataSource={quota.data?.items ?? []}
          aria-label={t('quota.title')}
          columns={[
            { key: 'api', title: t('quota.column.api'), render: (_, item) => t(`quota.api.${item.api}`) },
            {
              key: 'used',
              title: t('quota.column.used'),
              align: 'right',
              render: (_, item) => (item.limit === null ? t('quota.notReported') : count(item.used)),
            },
            {
              key: 'limit',
              title: t('quota.column.limit'),
              align: 'right',
              render: (_, item) => count(item.limit),
            },
            {
              key: 'remain',
              title: t('quota.column.remain'),
              align: 'right',
              render: (_, item) => (
                <Typography.Text type={item.remain === 0 ? 'danger' : undefined}>
                  {count(item.remain)}
                </Typography.Text>
              ),
            },
          ]}
        />
        {quota.data ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('quota.resets', { time: format.dateTime(quota.data.resetsAt) })}
            {' · '}
            {t('quota.readAt', { time: format.dateTime(quota.data.readAt) })}
          </Typography.Text>
        ) : null}
      </Flex>
    </section>
  );
}
