import { Button, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '#contract/result';
import { useErrorText } from '../i18n/useErrorText';
import { CenteredPage } from './CenteredPage';
import { useAppReadyMarker } from './useAppReadyMarker';

/** The account list could not be read: nothing else can show, so say why and offer a retry. */
export function FatalError({ error, onRetry }: { error: AppErrorData; onRetry: () => void }) {
  const { t } = useTranslation();
  const text = useErrorText();
  useAppReadyMarker(true);
  return (
    <CenteredPage>
      <Typography.Title level={1} style={{ textAlign: 'center' }}>
        {t('app.name')}
      </Typography.Title>
      <Result
        status="error"
        title={t('fatal.title')}
        subTitle={text(error)}
        extra={
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        }
      />
    </CenteredPage>
  );
}
