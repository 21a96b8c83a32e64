import {
  ApiOutlined,
  DisconnectOutlined,
  LockOutlined,
  PlayCircleOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { Button, Card, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorData } from '../../api';
import { CenteredPage } from '../../components/CenteredPage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAppReadyMarker } from '../../components/useAppReadyMarker';
import { useOpenDemo } from '../accounts/useOpenDemo';

/** First start: try the demo, or connect a real account. */
export function WelcomeScreen({ onConnect }: { onConnect: () => void }) {
  const { t } = useTranslation();
  const demo = useOpenDemo();
  useAppReadyMarker(true);

  const points = [
    { icon: <LockOutlined aria-hidden />, text: t('welcome.points.local') },
    { icon: <DisconnectOutlined aria-hidden />, text: t('welcome.points.offline') },
    { icon: <SwapOutlined aria-hidden />, text: t('welcome.points.bulk') },
  ];

  return (
    <CenteredPage width={760}>
      <Flex vertical gap={24}>
        <div style={{ textAlign: 'center' }}>
          <Typography.Title level={1} style={{ marginBottom: 8 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 16 }}>
            {t('welcome.lead')}
          </Typography.Paragraph>
        </div>
        <Flex gap={16} wrap>
          <Card style={{ flex: '1 1 300px' }}>
            <Flex vertical gap={12} align="flex-start">
              <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
                <PlayCircleOutlined aria-hidden /> {t('welcome.tryDemo')}
              </Typography.Title>
              <Typography.Text type="secondary">{t('welcome.tryDemoHint')}</Typography.Text>
              <Button size="large" loading={demo.isPending} onClick={() => demo.mutate()}>
                {demo.isPending ? t('welcome.opening') : t('welcome.tryDemo')}
              </Button>
            </Flex>
          </Card>
          <Card style={{ flex: '1 1 300px' }}>
            <Flex vertical gap={12} align="flex-start">
              <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
                <ApiOutlined aria-hidden /> {t('welcome.connect')}
              </Typography.Title>
              <Typography.Text type="secondary">{t('welcome.connectHint')}</Typography.Text>
              <Button size="large" type="primary" onClick={onConnect}>
                {t('welcome.connect')}
              </Button>
            </Flex>
          </Card>
        </Flex>
        {demo.isError ? <ErrorAlert error={errorData(demo.error)} onRetry={() => demo.mutate()} /> : null}
        <Card size="small">
          <Space orientation="vertical" size={8}>
            {points.map((p) => (
              <Typography.Text key={p.text}>
                <span aria-hidden style={{ marginRight: 8 }}>
                  {p.icon}
                </span>
                {p.text}
              </Typography.Text>
            ))}
          </Space>
        </Card>
      </Flex>
    </CenteredPage>
  );
}
