import { Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CenteredPage } from './CenteredPage';
import { useAppReadyMarker } from './useAppReadyMarker';

/** The built page opened without its host: nothing works, so say how to start it properly. */
export function NoBridge() {
  const { t } = useTranslation();
  useAppReadyMarker(true);
  return (
    <CenteredPage>
      <Typography.Title level={1} style={{ textAlign: 'center' }}>
        {t('app.name')}
      </Typography.Title>
      <Result status="warning" title={t('noBridge.title')} subTitle={t('noBridge.body')} />
    </CenteredPage>
  );
}
