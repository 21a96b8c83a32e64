import { FolderOpenOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { unwrap, wxg } from '../../api';
import { CopyButton } from '../../components/CopyButton';
import { queryKeys } from '../../query/keys';
import { UpdatePanel } from './UpdatePanel';

/** Version, data folder, log folder, platform and updates, from the core. */
export function AboutSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const openLogFolder = async () => {
    const answer = await wxg.appOpenLogFolder();
    if (!answer.ok || !answer.data.opened) void message.info(t('settings.logFolderNotOpened'));
  };
  const info = useQuery({
    queryKey: queryKeys.appInfo,
    queryFn: () => wxg.appInfo().then(unwrap),
    staleTime: Infinity,
  });
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('settings.about')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('settings.aboutLocal')}</Typography.Text>
      {info.data ? (
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'version',
              label: t('settings.version'),
              // The product name in the interface's language (the host reports the Chinese one).
              children: `${t('app.name')} ${info.data.version}`,
            },
            {
              key: 'data',
              label: t('settings.dataFolder'),
              children: (
                <Flex gap={8} align="center">
                  <Typography.Text style={{ wordBreak: 'break-all' }}>{info.data.dataDir}</Typography.Text>
                  <CopyButton
                    text={info.data.dataDir}
                    iconOnly
                    size="small"
                    label={t('settings.dataFolder')}
                  />
                </Flex>
              ),
            },
            ...(info.data.logDir
              ? [
                  {
                    key: 'logs',
                    label: t('settings.logFolder'),
                    children: (
                      <Flex vertical gap={4} align="start">
                        <Flex gap={8} align="center">
                          <Typography.Text style={{ wordBreak: 'break-all' }}>
                            {info.data.logDir}
                          </Typography.Text>
                          <CopyButton
                            text={info.data.logDir}
                            iconOnly
                            size="small"
                            label={t('settings.logFolder')}
                          />
                        </Flex>
                        <Button
                          size="small"
                          icon={<FolderOpenOutlined />}
                          onClick={() => void openLogFolder()}
                        >
                          {t('settings.openLogFolder')}
                        </Button>
                        <Typography.Text type="secondary">{t('settings.logFolderHint')}</Typography.Text>
                      </Flex>
                    ),
                  },
                ]
              : []),
            { key: 'platform', label: t('settings.platform'), children: platformName(info.data.platform) },
            { key: 'updates', label: t('settings.updates'), children: <UpdatePanel /> },
          ]}
        />
      ) : null}
    </Flex>
  );
}

/** The system as people call it (Node's platform ids mean nothing to them). */
function platformName(platform: string): string {
  const names: Record<string, string> = { win32: 'Windows', darwin: 'macOS', linux: 'Linux' };
  return names[platform] ?? platform;
}
