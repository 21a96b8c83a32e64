import { Form, Input, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isPrivateApiAddress } from '#contract/accounts';
import { isHttpUrl, type NetworkDraft } from './networkDraft';

/**
 * The four ways to reach WeChat, as form items under `name` (the wizard and the settings use the
 * same ones). The address box appears only for the mode that needs it.
 */
export function NetworkFields({ name, disabled }: { name: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const mode = Form.useWatch<NetworkDraft['mode'] | undefined>([name, 'mode'], form);
  const urlRule = {
    validator: (_: unknown, value: string | undefined) =>
      isHttpUrl(value) ? Promise.resolve() : Promise.reject(new Error(t('network.urlInvalid'))),
  };
  const baseUrlRule = {
    validator: (_: unknown, value: string | undefined) => {
      if (!isHttpUrl(value)) return Promise.reject(new Error(t('network.urlInvalid')));
      if (!isPrivateApiAddress(value ?? '')) return Promise.reject(new Error(t('network.baseUrlInsecure')));
      return Promise.resolve();
    },
  };
  const options: { value: NetworkDraft['mode']; label: string; hint: string }[] = [
    { value: 'direct', label: t('network.direct'), hint: t('network.directHint') },
    { value: 'system', label: t('network.system'), hint: t('network.systemHint') },
    { value: 'proxy', label: t('network.proxy'), hint: t('network.proxyHint') },
    { value: 'custom-base', label: t('network.customBase'), hint: t('network.customBaseHint') },
  ];
  return (
    <>
      <Form.Item name={[name, 'mode']} label={t('network.label')}>
        <Radio.Group disabled={disabled} aria-label={t('network.label')}>
          <Space orientation="vertical">
            {options.map((o) => (
              <Radio key={o.value} value={o.value}>
                {o.label}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {o.hint}
                </Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      {mode === 'proxy' ? (
        <Form.Item name={[name, 'proxyUrl']} label={t('network.proxyUrl')} rules={[urlRule]}>
          <Input placeholder={t('network.proxyPlaceholder')} disabled={disabled} />
        </Form.Item>
      ) : null}
      {mode === 'custom-base' ? (
        <Form.Item name={[name, 'baseUrl']} label={t('network.baseUrl')} rules={[baseUrlRule]}>
          <Input placeholder={t('network.basePlaceholder')} disabled={disabled} />
        </Form.Item>
      ) : null}
    </>
  );
}
