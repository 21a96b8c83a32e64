import { Alert, Button, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '#contract/result';
import { useErrorText } from '../i18n/useErrorText';

interface Props {
  error: AppErrorData;
  title?: ReactNode;
  onRetry?: () => void;
  retryLabel?: string;
  type?: 'error' | 'warning';
}

/** An error in words, with WeChat's code and request id small underneath (for support). */
export function ErrorAlert({ error, title, onRetry, retryLabel, type = 'error' }: Props) {
  const { t } = useTranslation();
  const text = useErrorText();
  return (
    <Alert
      type={type}
      showIcon
      role="alert"
      title={title ?? text(error)}
      description={
        <>
          {title ? <div>{text(error)}</div> : null}
          {error.wechat ? <WeChatRef errcode={error.wechat.errcode} rid={error.wechat.rid} /> : null}
        </>
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {retryLabel ?? t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

export function WeChatRef({ errcode, rid }: { errcode: number; rid?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('common.errorCode', { errcode })}
      {rid ? ` · ${t('common.errorRid', { rid })}` : ''}
    </Typography.Text>
  );
}
