import { MobileOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 89503/89501: the admin must approve this IP in WeChat on their phone. */
export function ConfirmOnPhoneHelp({
  pending,
  onRetest,
  testing,
}: {
  pending: boolean;
  onRetest: () => void;
  testing: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      role="alert"
      showIcon
      icon={<MobileOutlined aria-hidden />}
      title={t('connect.confirm.title')}
      description={
        <Flex vertical gap={12} align="flex-start">
          <Typography.Text>
            {pending ? t('connect.confirm.pending') : t('connect.confirm.body')}
          </Typography.Text>
          <Button type="primary" icon={<ReloadOutlined aria-hidden />} loading={testing} onClick={onRetest}>
            {t('connect.ip.retest')}
          </Button>
        </Flex>
      }
    />
  );
}
