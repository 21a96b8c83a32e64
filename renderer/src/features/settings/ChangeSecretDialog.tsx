import { Alert, App, Form, Input, Modal, Typography, type InputRef } from 'antd';
import { useRef } from 'react';
import type { AppErrorData } from '#contract/result';
import { useTranslation } from 'react-i18next';
import { errorData } from '../../api';
import { ErrorAlert, WeChatRef } from '../../components/ErrorAlert';
import { useAccountSettings } from './useAccountSettings';

interface Props {
  accountId: string;
  open: boolean;
  onClose: () => void;
  /** The new AppSecret was accepted by WeChat and saved. */
  onChanged?: () => void;
}

/**
 * Enter a new AppSecret (after a reset in the console, or when the saved one cannot be read). The
 * core tests it against WeChat before saving; the account's notes and history stay.
 */
export function ChangeSecretDialog({ accountId, open, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { changeSecret } = useAccountSettings(accountId);
  const [form] = Form.useForm<{ appSecret: string }>();
  const input = useRef<InputRef>(null);
  const close = () => {
    form.resetFields();
    changeSecret.reset();
    onClose();
  };
  const submit = ({ appSecret }: { appSecret: string }) =>
    changeSecret.mutate(appSecret, {
      onSuccess: () => {
        void message.success(t('settings.secretChanged'));
        close();
        onChanged?.();
      },
    });
  return (
    <Modal
      open={open}
      title={t('settings.changeSecretTitle')}
      okText={t('settings.testAndSave')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: changeSecret.isPending }}
      onOk={() => form.submit()}
      onCancel={close}
      // The Modal focuses itself when it opens; the owner came here to paste the secret.
      afterOpenChange={(opened) => opened && input.current?.focus()}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('settings.changeSecretBody')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('settings.changeSecretWhere')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="appSecret"
          label={t('settings.newSecret')}
          rules={[{ required: true, whitespace: true, message: t('settings.newSecretRequired') }]}
        >
          <Input.Password
            ref={input}
            autoComplete="off"
            spellCheck={false}
            placeholder={t('settings.newSecretPlaceholder')}
          />
        </Form.Item>
      </Form>
      {changeSecret.isError ? <SecretError error={errorData(changeSecret.error)} /> : null}
    </Modal>
  );
}

/**
 * Why the new AppSecret was not saved. WeChat refusing it gets its own words here: the general
 * INVALID_APPSECRET text sends the owner to this very dialog.
 */
function SecretError({ error }: { error: AppErrorData }) {
  const { t } = useTranslation();
  if (error.code !== 'INVALID_APPSECRET') return <ErrorAlert error={error} />;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('settings.secretRefused')}
      description={error.wechat ? <WeChatRef errcode={error.wechat.errcode} rid={error.wechat.rid} /> : null}
    />
  );
}
