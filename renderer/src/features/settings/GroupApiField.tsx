import { Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GroupApi } from '#contract/accounts';

/**
 * Tags (today's API) or the 2014 groups API. Controlled; inside a `Form.Item name=…` the form
 * supplies value and onChange.
 */
export function GroupApiRadio({
  value,
  onChange,
  disabled,
  id,
}: {
  value?: GroupApi;
  onChange?: (api: GroupApi) => void;
  disabled?: boolean;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      id={id}
      value={value}
      onChange={(e) => onChange?.(e.target.value as GroupApi)}
      disabled={disabled}
    >
      <Space orientation="vertical">
        <Radio value="tags">
          {t('groupApi.tags')}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('groupApi.tagsHint')}
          </Typography.Text>
        </Radio>
        <Radio value="groups">
          {t('groupApi.groups')}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('groupApi.groupsHint')}
          </Typography.Text>
        </Radio>
      </Space>
    </Radio.Group>
  );
}
