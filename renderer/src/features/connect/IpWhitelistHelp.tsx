import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';

/** 40164: the IP WeChat saw, large and copyable, then how to allow it and a "test again". */
export function IpWhitelistHelp({
  ip,
  onRetest,
  testing,
}: {
  ip: string | null;
  onRetest: () => void;
  testing: boolean;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Alert
      type="warning"
      role="alert"
      showIcon
      title={t('connect.ip.title')}
      description={
        <Flex vertical gap={12}>
          <Typography.Text>{t('connect.ip.lead')}</Typography.Text>
          {ip ? (
            <Flex align="center" gap={16} wrap>
              <Typography.Text
                data-testid="seen-ip"
                copyable={false}
                style={{
                  fontSize: 32,
                  fontWeight: 600,
                  fontFamily: token.fontFamilyCode,
                  letterSpacing: 1,
                }}
              >
                {ip}
              </Typography.Text>
              <CopyButton text={ip} label={t('connect.ip.copyIp')} />
            </Flex>
          ) : (
            <Typography.Text type="secondary">{t('connect.ip.unknownIp')}</Typography.Text>
          )}
          <div>
            <Typography.Text strong>{t('connect.ip.stepsTitle')}</Typography.Text>
            <ol style={{ paddingInlineStart: 20, margin: '4px 0 0' }}>
              <li>{t('connect.ip.step1')}</li>
              <li>{t('connect.ip.step2')}</li>
              <li>{t('connect.ip.step3')}</li>
              <li>{t('connect.ip.step4')}</li>
            </ol>
          </div>
          <Typography.Text type="secondary">{t('connect.ip.changes')}</Typography.Text>
          <div>
            <Button type="primary" icon={<ReloadOutlined aria-hidden />} loading={testing} onClick={onRetest}>
              {t('connect.ip.retest')}
            </Button>
          </div>
        </Flex>
      }
    />
  );
}
