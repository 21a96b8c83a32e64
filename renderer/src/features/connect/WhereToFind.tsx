import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Where the AppID and AppSecret are in the console, and the warning about resetting the secret. */
export function WhereToFind() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('connect.where.title')}
      </Typography.Title>
      <ol style={{ paddingInlineStart: 20, marginTop: 0 }}>
        <li>{t('connect.where.step1')}</li>
        <li>
          <Typography.Text strong>{t('connect.where.step2')}</Typography.Text>
        </li>
        <li>{t('connect.where.step3')}</li>
      </ol>
      <Alert
        type="warning"
        showIcon
        title={t('connect.resetWarning.title')}
        description={t('connect.resetWarning.body')}
        style={{ marginBottom: 16 }}
      />
    </>
  );
}
