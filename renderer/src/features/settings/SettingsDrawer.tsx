import { Drawer, Flex, Form, Radio, Segmented, Slider, Typography, Divider } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '#contract/accounts';
import type { Settings } from '#contract/settings';
import { errorData } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AboutSection } from './AboutSection';
import { AccountSection } from './AccountSection';
import { DemoSection } from './DemoSection';
import { QuotaSection } from './QuotaSection';
import { useSettings, useUpdateSettings } from './useSettings';

/** Settings: language, theme and sync speed for the app; network, group API and removal for the account. */
export function SettingsDrawer({
  account,
  open,
  onClose,
}: {
  account: AccountSummary;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const update = useUpdateSettings();
  const set = (patch: Partial<Settings>) => update.mutate(patch);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={t('settings.title')}
      closable={{ 'aria-label': t('common.close') }}
    >
      <Flex vertical gap={8}>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('settings.general')}
        </Typography.Title>
        <Form layout="vertical">
          <Form.Item label={t('settings.language')} htmlFor="settings-language">
            <Radio.Group
              id="settings-language"
              aria-label={t('settings.language')}
              value={settings.language}
              onChange={(e) => set({ language: e.target.value as Settings['language'] })}
              options={[
                { value: 'system', label: t('settings.languageSystem') },
                { value: 'zh-CN', label: t('settings.languageZh') },
                { value: 'en', label: t('settings.languageEn') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('settings.theme')}>
            <Segmented<Settings['theme']>
              aria-label={t('settings.theme')}
              value={settings.theme}
              onChange={(theme) => set({ theme })}
              options={[
                { value: 'system', label: t('settings.themeSystem') },
                { value: 'light', label: t('settings.themeLight') },
                { value: 'dark', label: t('settings.themeDark') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('settings.syncConcurrency')} extra={t('settings.syncConcurrencyHint')}>
            <Slider
              key={settings.syncConcurrency}
              min={1}
              max={8}
              // Every step labelled: the value in force is always readable.
              marks={{ 1: '1', 2: '2', 3: '3', 4: '4', 5: '5', 6: '6', 7: '7', 8: '8' }}
              defaultValue={settings.syncConcurrency}
              onChangeComplete={(value: number) => set({ syncConcurrency: value })}
              ariaLabelForHandle={t('settings.syncConcurrency')}
            />
          </Form.Item>
        </Form>
        {update.isError ? <ErrorAlert error={errorData(update.error)} /> : null}
        <Divider style={{ margin: '4px 0' }} />
        <QuotaSection accountId={account.id} open={open} />
        <Divider style={{ margin: '4px 0' }} />
        <AccountSection account={account} onRemoved={onClose} />
        {account.isDemo ? (
          <>
            <Divider style={{ margin: '4px 0' }} />
            <DemoSection />
          </>
        ) : null}
        <Divider style={{ margin: '4px 0' }} />
        <AboutSection />
      </Flex>
    </Drawer>
  );
}
