import { PlayCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 48001: plainly, this (unverified) account cannot manage followers, and what to do about it. */
export function UnauthorizedHelp({
  onRetest,
  onTryDemo,
  testing,
  demoOpening,
}: {
  onRetest: () => void;
  onTryDemo: () => void;
  testing: boolean;
  demoOpening: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      role="alert"
      showIcon
      title={t('connect.unauthorized.title')}
      description={
        <Flex vertical gap={12}>
          <Typography.Text>{t('connect.unauthorized.body')}</Typography.Text>
          <div>
            <Typography.Text strong>{t('connect.unauthorized.whatToDo')}</Typography.Text>
            <ol style={{ paddingInlineStart: 20, margin: '4px 0 0' }}>
              <li>{t('connect.unauthorized.step1')}</li>
              <li>{t('connect.unauthorized.step2')}</li>
              <li>{t('connect.unauthorized.step3')}</li>
            </ol>
          </div>
          <Flex gap={8} wrap>
            <Button icon={<ReloadOutlined aria-hidden />} loading={testing} onClick={onRetest}>
              {t('connect.ip.retest')}
            </Button>
            <Button icon={<PlayCircleOutlined aria-hidden />} loading={demoOpening} onClick={onTryDemo}>
              {t('connect.unauthorized.tryDemo')}
            </Button>
          </Flex>
        </Flex>
      }
    />
  );
}
