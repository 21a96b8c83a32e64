import { DeleteOutlined, KeyOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary, GroupApi } from '#contract/accounts';
import { errorData } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChangeSecretDialog } from './ChangeSecretDialog';
import { GroupApiRadio } from './GroupApiField';
import { NetworkFields } from './NetworkFields';
import { draftFromSetting, settingFromDraft, type NetworkDraft } from './networkDraft';
import { accountName } from '../accounts/accountName';
import { useAccountSettings } from './useAccountSettings';

/**
 * The shown account's own settings: name, network, group API, a new AppSecret, and removing its
 * local data.
 */
export function AccountSection({ account, onRemoved }: { account: AccountSummary; onRemoved: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const edits = useAccountSettings(account.id);
  const [name, setName] = useState(account.name);
  const [networkForm] = Form.useForm<{ network: NetworkDraft }>();
  const [removing, setRemoving] = useState(false);
  const [changingSecret, setChangingSecret] = useState(false);

  const changeGroupApi = (groupApi: GroupApi) => {
    if (groupApi === account.groupApi) return;
    void modal.confirm({
      title: t('groupApi.changeTitle'),
      content: t('groupApi.changeBody'),
      okText: t('common.save'),
      cancelText: t('common.cancel'),
      onOk: () =>
        edits.groupApi.mutateAsync(groupApi).then(() => void message.success(t('settings.groupApiSaved'))),
    });
  };

  return (
    <Flex vertical gap={8}>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('settings.account', { name: accountName(account, t) })}
      </Typography.Title>
      <Form layout="vertical">
        <Form.Item label={t('settings.accountName')} htmlFor="settings-account-name">
          <Flex gap={8}>
            <Input
              id="settings-account-name"
              value={name}
              maxLength={40}
              onChange={(e) => setName(e.target.value)}
              onPressEnter={() => name.trim() && edits.rename.mutate(name.trim())}
            />
            <Button
              disabled={!name.trim() || name.trim() === account.name}
              loading={edits.rename.isPending}
              onClick={() =>
                edits.rename.mutate(name.trim(), {
                  onSuccess: () => void message.success(t('settings.accountRenamed')),
                })
              }
            >
              {t('common.save')}
            </Button>
          </Flex>
        </Form.Item>
      </Form>
      {edits.rename.isError ? <ErrorAlert error={errorData(edits.rename.error)} /> : null}

      <Form
        form={networkForm}
        layout="vertical"
        initialValues={{ network: draftFromSetting(account.network) }}
        onFinish={(values) =>
          edits.network.mutate(settingFromDraft(values.network), {
            onSuccess: () => void message.success(t('settings.networkSaved')),
          })
        }
      >
        <Tooltip title={account.isDemo ? t('network.demoReadOnly') : undefined} placement="topLeft">
          <div>
            <NetworkFields name="network" disabled={account.isDemo} />
          </div>
        </Tooltip>
        {account.isDemo ? (
          <Typography.Paragraph type="secondary">{t('network.demoReadOnly')}</Typography.Paragraph>
        ) : (
          <Button htmlType="submit" loading={edits.network.isPending}>
            {t('common.save')}
          </Button>
        )}
      </Form>
      {edits.network.isError ? <ErrorAlert error={errorData(edits.network.error)} /> : null}

      <Form layout="vertical">
        <Form.Item label={t('groupApi.label')} htmlFor="settings-group-api">
          <GroupApiRadio id="settings-group-api" value={account.groupApi} onChange={changeGroupApi} />
        </Form.Item>
      </Form>
      {edits.groupApi.isError ? <ErrorAlert error={errorData(edits.groupApi.error)} /> : null}

      {account.isDemo ? null : (
        <>
          <Typography.Title level={3} style={{ fontSize: 14, marginTop: 8 }}>
            {t('settings.secretTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('settings.secretHint')}</Typography.Paragraph>
          <div>
            <Button icon={<KeyOutlined aria-hidden />} onClick={() => setChangingSecret(true)}>
              {t('settings.changeSecret')}
            </Button>
          </div>
          <ChangeSecretDialog
            accountId={account.id}
            open={changingSecret}
            onClose={() => setChangingSecret(false)}
          />
        </>
      )}

      {/* Set apart from the AppSecret button above: deleting is a different kind of step. */}
      <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>
        {t('settings.dangerZone')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('settings.removeAccountHint')}</Typography.Paragraph>
      <div>
        <Button danger icon={<DeleteOutlined aria-hidden />} onClick={() => setRemoving(true)}>
          {t('settings.removeAccount')}
        </Button>
      </div>
      <Modal
        open={removing}
        title={t('settings.removeTitle', { name: accountName(account, t) })}
        okText={t('settings.removeConfirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, loading: edits.remove.isPending, autoFocus: true }}
        onCancel={() => setRemoving(false)}
        onOk={() =>
          edits.remove.mutate(undefined, {
            onSuccess: () => {
              void message.success(t('settings.removed', { name: accountName(account, t) }));
              setRemoving(false);
              onRemoved();
            },
          })
        }
      >
        <Typography.Paragraph>{t('settings.removeBody')}</Typography.Paragraph>
        {edits.remove.isError ? <ErrorAlert error={errorData(edits.remove.error)} /> : null}
      </Modal>
    </Flex>
  );
}
