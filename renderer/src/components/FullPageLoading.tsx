import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { CenteredPage } from './CenteredPage';

export function FullPageLoading() {
  const { t } = useTranslation();
  return (
    <CenteredPage>
      <div style={{ textAlign: 'center', paddingTop: 120 }}>
        <Spin size="large" description={t('common.loading')} />
      </div>
    </CenteredPage>
  );
}
