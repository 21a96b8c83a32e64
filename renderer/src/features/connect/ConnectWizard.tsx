import { ArrowLeftOutlined, LockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Collapse, Flex, Form, Input, Steps, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupApi } from '#contract/accounts';
import { errorData, unwrap, wxg } from '../../api';
import { CenteredPage } from '../../components/CenteredPage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAppReadyMarker } from '../../components/useAppReadyMarker';
import { useErrorText } from '../../i18n/useErrorText';
import { queryKeys } from '../../query/keys';
import { GroupApiRadio } from '../settings/GroupApiField';
import { NetworkFields } from '../settings/NetworkFields';
import { settingFromDraft, type NetworkDraft } from '../settings/networkDraft';
import { useOpenDemo } from '../accounts/useOpenDemo';
import { classifyConnectError, type ConnectProblem } from './connectOutcome';
import { ConfirmOnPhoneHelp } from './ConfirmOnPhoneHelp';
import { FirstSync } from './FirstSync';
import { IpWhitelistHelp } from './IpWhitelistHelp';
import { UnauthorizedHelp } from './UnauthorizedHelp';
import { WhereToFind } from './WhereToFind';

interface Values {
  name?: string;
  appId: string;
  appSecret: string;
  network: NetworkDraft;
  groupApi: GroupApi;
}

type Phase =
  | { step: 'form'; problem: ConnectProblem | null }
  | { step: 'testing' }
  | { step: 'saving' }
  | { step: 'syncing'; accountId: string };

/**
 * Connecting a real account: where the credentials are, a live test, the specific fix when it
 * fails (IP whitelist, unverified account, phone confirmation, wrong field), then save and the
 * first sync with its progress.
 */
export function ConnectWizard({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const client = useQueryClient();
  const demo = useOpenDemo();
  const [form] = Form.useForm<Values>();
  const [phase, setPhase] = useState<Phase>({ step: 'form', problem: null });
  const problemRef = useRef<HTMLDivElement>(null);
  useAppReadyMarker(true);

  const problem = phase.step === 'form' ? phase.problem : null;
  useEffect(() => {
    if (problem && problem.kind !== 'field') problemRef.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);

  const fail = (error: unknown) => {
    const found = classifyConnectError(errorData(error));
    setPhase({ step: 'form', problem: found });
    if (found.kind === 'field') {
      form.setFields([{ name: found.field, errors: [errorText(found.error)] }]);
      form.focusField(found.field);
    }
  };

  const run = async (values: Values) => {
    const network = settingFromDraft(values.network);
    const credentials = { appId: values.appId.trim(), appSecret: values.appSecret.trim() };
    setPhase({ step: 'testing' });
    try {
      // Already connected: say so before testing anything, and offer to open it.
      const existing = (await wxg.accountsList().then(unwrap)).accounts.find(
        (a) => a.appId === credentials.appId && !a.isDemo,
      );
      if (existing) {
        setPhase({
          step: 'form',
          problem: {
            kind: 'exists',
            accountId: existing.id,
            error: { code: 'ACCOUNT_EXISTS', params: { appId: existing.appId }, retryable: false },
          },
        });
        return;
      }
      const { capabilities } = await wxg.accountsTest({ ...credentials, network }).then(unwrap);
      if (capabilities.userManagement === 'no') {
        setPhase({ step: 'form', problem: { kind: 'unauthorized', error: null } });
        return;
      }
      setPhase({ step: 'saving' });
      // Unnamed, it is "我的公众号（…末四位）" rather than a bare AppID.
      const name =
        values.name?.trim() || t('connect.form.defaultName', { tail: credentials.appId.slice(-4) });
      const account = await wxg
        .accountsAdd({ ...credentials, network, groupApi: values.groupApi, name })
        .then(unwrap);
      await wxg.accountsSetDefault({ id: account.id }).then(unwrap);
      client.setQueryData(
        queryKeys.sync(account.id),
        await wxg.syncStart({ accountId: account.id }).then(unwrap),
      );
      await client.invalidateQueries({ queryKey: queryKeys.accounts });
      setPhase({ step: 'syncing', accountId: account.id });
    } catch (error) {
      fail(error);
    }
  };

  const retest = () => form.submit();
  const busy = phase.step === 'testing' || phase.step === 'saving';
  // A wrong AppID or AppSecret is a problem with step 1, not step 2; any problem marks its step.
  const current = phase.step === 'syncing' ? 2 : problem?.kind === 'field' ? 0 : problem || busy ? 1 : 0;

  return (
    <CenteredPage width={880}>
      <Flex vertical gap={16}>
        <Flex align="center" gap={12}>
          {phase.step !== 'syncing' ? (
            <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={onCancel} disabled={busy}>
              {t('common.back')}
            </Button>
          ) : null}
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
            {t('connect.title')}
          </Typography.Title>
        </Flex>
        <Steps
          current={current}
          status={problem ? 'error' : 'process'}
          items={[
            { title: t('connect.steps.credentials') },
            { title: t('connect.steps.test') },
            { title: t('connect.steps.sync') },
          ]}
        />
        <Card>
          {phase.step === 'syncing' ? (
            <FirstSync accountId={phase.accountId} onOpen={onDone} />
          ) : (
            <>
              <WhereToFind />
              <Form<Values>
                form={form}
                layout="vertical"
                requiredMark={false}
                initialValues={{ network: { mode: 'direct', proxyUrl: '', baseUrl: '' }, groupApi: 'tags' }}
                onFinish={(values) => void run(values)}
                onValuesChange={() => {
                  if (problem?.kind === 'field') setPhase({ step: 'form', problem: null });
                }}
                disabled={busy}
              >
                <Form.Item name="name" label={t('connect.form.name')}>
                  <Input placeholder={t('connect.form.namePlaceholder')} maxLength={40} />
                </Form.Item>
                <Form.Item
                  name="appId"
                  label={t('connect.form.appId')}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: t('connect.form.required', { field: 'AppID' }),
                    },
                  ]}
                >
                  <Input
                    placeholder={t('connect.form.appIdPlaceholder')}
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={64}
                  />
                </Form.Item>
                <Form.Item
                  name="appSecret"
                  label={t('connect.form.appSecret')}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: t('connect.form.required', { field: 'AppSecret' }),
                    },
                  ]}
                >
                  <Input.Password
                    placeholder={t('connect.form.appSecretPlaceholder')}
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={64}
                  />
                </Form.Item>
                <Typography.Paragraph type="secondary">
                  <LockOutlined aria-hidden /> {t('connect.privacy')}
                </Typography.Paragraph>
                <Collapse
                  style={{ marginBottom: 16 }}
                  items={[
                    {
                      key: 'advanced',
                      label: t('connect.form.advanced'),
                      forceRender: true,
                      children: (
                        <>
                          <NetworkFields name="network" disabled={busy} />
                          <Form.Item name="groupApi" label={t('groupApi.label')}>
                            <GroupApiRadio disabled={busy} />
                          </Form.Item>
                        </>
                      ),
                    },
                  ]}
                />
                <Button type="primary" size="large" htmlType="submit" loading={busy}>
                  {phase.step === 'testing'
                    ? t('connect.form.testing')
                    : phase.step === 'saving'
                      ? t('connect.success.saving')
                      : t('connect.form.test')}
                </Button>
              </Form>
              <div ref={problemRef} style={{ marginTop: problem && problem.kind !== 'field' ? 24 : 0 }}>
                {problem ? (
                  <ProblemHelp
                    problem={problem}
                    onRetest={retest}
                    testing={busy}
                    onTryDemo={() => demo.mutate(undefined, { onSuccess: onDone })}
                    demoOpening={demo.isPending}
                    onOpenAccount={(id) =>
                      void wxg
                        .accountsSetDefault({ id })
                        .then(unwrap)
                        .then(() => client.invalidateQueries({ queryKey: queryKeys.accounts }))
                        .then(onDone, fail)
                    }
                  />
                ) : null}
              </div>
            </>
          )}
        </Card>
      </Flex>
    </CenteredPage>
  );
}

function ProblemHelp({
  problem,
  onRetest,
  testing,
  onTryDemo,
  demoOpening,
  onOpenAccount,
}: {
  problem: ConnectProblem;
  onRetest: () => void;
  testing: boolean;
  onTryDemo: () => void;
  demoOpening: boolean;
  onOpenAccount: (accountId: string) => void;
}) {
  const { t } = useTranslation();
  switch (problem.kind) {
    case 'field':
      // The words are on the field itself.
      return null;
    case 'ip':
      return <IpWhitelistHelp ip={problem.ip} onRetest={onRetest} testing={testing} />;
    case 'unauthorized':
      return (
        <UnauthorizedHelp
          onRetest={onRetest}
          onTryDemo={onTryDemo}
          testing={testing}
          demoOpening={demoOpening}
        />
      );
    case 'confirm':
      return <ConfirmOnPhoneHelp pending={problem.pending} onRetest={onRetest} testing={testing} />;
    case 'exists': {
      const id = problem.accountId;
      return (
        <ErrorAlert
          type="warning"
          title={t('connect.exists')}
          error={problem.error}
          {...(id ? { onRetry: () => onOpenAccount(id), retryLabel: t('connect.openExisting') } : {})}
        />
      );
    }
    default:
      return (
        <ErrorAlert
          title={t('connect.otherError')}
          error={problem.error}
          onRetry={onRetest}
          retryLabel={t('connect.ip.retest')}
        />
      );
  }
}
