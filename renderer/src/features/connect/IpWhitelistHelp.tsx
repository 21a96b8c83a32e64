import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';

/** The network of an IPv4 address as the console takes it (`1.2.3.0/24`), and the form it refuses. */
function rangeExamples(ip: string | null): { range: string; star: string } {
  const parts = ip?.split('.');
  const [a, b, c] = parts?.length === 4 ? parts : ['203', '0', '113'];
  return { range: `${a}.${b}.${c}.0/24`, star: `${a}.${b}.${c}.*` };
}

/**
 * 40164: the IP WeChat saw, large and copyable, then where the whitelist is today (the WeChat
 * developer platform since 2025), that ranges work and changes take minutes, and a button to look
 * again: "test again" in the connect wizard, 重新检测 where paused work waits for it.
 */
export function IpWhitelistHelp({
  ip,
  onRetest,
  testing,
  mode = 'connect',
  note,
}: {
  ip: string | null;
  onRetest: () => void;
  testing: boolean;
  /** 'paused': a sync or job waits for the whitelist and carries on by itself */
  mode?: 'connect' | 'paused';
  /** what the last 重新检测 found, under the button */
  note?: ReactNode;
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
              <li>{t('connect.ip.step3', rangeExamples(ip))}</li>
              <li>{t(mode === 'paused' ? 'connect.ip.step4Paused' : 'connect.ip.step4')}</li>
            </ol>
          </div>
          <Typography.Text type="secondary">{t('connect.ip.moved')}</Typography.Text>
          <Typography.Text type="secondary">{t('connect.ip.changes')}</Typography.Text>
          {mode === 'paused' ? <Typography.Text>{t('connect.ip.pausedNote')}</Typography.Text> : null}
          <Flex vertical gap={8} align="start">
            <Button type="primary" icon={<ReloadOutlined aria-hidden />} loading={testing} onClick={onRetest}>
              {t(mode === 'paused' ? 'connect.ip.recheck' : 'connect.ip.retest')}
            </Button>
            {note}
          </Flex>
        </Flex>
      }
    />
  );
}
