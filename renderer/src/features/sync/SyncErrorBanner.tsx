import { Alert, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '#contract/result';
import { errorData } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useErrorText } from '../../i18n/useErrorText';
import { IpWhitelistHelp } from '../connect/IpWhitelistHelp';
import { useJobs } from '../jobs/useJobs';
import { ChangeSecretDialog } from '../settings/ChangeSecretDialog';
import { useIpRecheck } from './useIpRecheck';
import { useStartSync, useSyncStatus } from './useSyncStatus';

/** Offline errors have their own line; these are the ones the offline line does not explain. */
const shownElsewhere = new Set(['NETWORK', 'TIMEOUT']);
/** The saved AppSecret is unreadable or WeChat refuses it: the way out is entering it again. */
const secretCodes = new Set(['SECRET_UNREADABLE', 'INVALID_APPSECRET']);

const seenIp = (error: AppErrorData | null | undefined): string | null =>
  typeof error?.params['ip'] === 'string' ? error.params['ip'] : null;

/**
 * Why the last sync stopped, in words, with the way out. WeChat refusing this computer's IP
 * (40164, on any call since 2025) pauses the sync and the bulk jobs alike: the whitelist help
 * shows the IP, and 重新检测 looks again and lets what waited carry on.
 */
export function SyncErrorBanner({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const sync = useSyncStatus(accountId);
  const start = useStartSync(accountId);
  const jobs = useJobs(accountId);
  const recheck = useIpRecheck(accountId);
  // The whitelist help is long: on a small screen it would hide the (still browsable) list.
  // On a short window (1 024 × 700) it starts folded to one line.
  const [collapsed, setCollapsed] = useState(() => window.innerHeight < 800);
  const [changingSecret, setChangingSecret] = useState(false);
  const error = sync.data?.running ? null : (sync.data?.lastError ?? null);
  const ipJob = jobs.data?.find((j) => j.status === 'paused' && j.pauseReason === 'ip');
  const ipError = error?.code === 'IP_NOT_WHITELISTED' ? error : (ipJob?.lastError ?? null);
  if (ipError) {
    const look = () => recheck.mutate();
    const result = recheck.data;
    const note = recheck.isError ? (
      <ErrorAlert error={errorData(recheck.error)} />
    ) : result && !result.ok && !recheck.isPending ? (
      <Typography.Text type="danger" role="status" data-testid="recheck-result">
        {result.ip ? t('connect.ip.stillRefused', { ip: result.ip }) : t('connect.ip.stillRefusedNoIp')}
      </Typography.Text>
    ) : null;
    return (
      <div style={{ padding: '8px 16px 0' }} data-testid="sync-error">
        {collapsed ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={
              <span
                title={t('status.refused')}
                style={{
                  display: 'block',
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                  whiteSpace: 'nowrap',
                }}
              >
                {t('status.refused')}
              </span>
            }
            action={
              <Flex gap={8}>
                <Button size="small" onClick={() => setCollapsed(false)}>
                  {t('sync.showHelp')}
                </Button>
                <Button size="small" onClick={look} loading={recheck.isPending}>
                  {t('connect.ip.recheck')}
                </Button>
              </Flex>
            }
          />
        ) : (
          <div>
            <Flex justify="end">
              <Button size="small" type="link" onClick={() => setCollapsed(true)}>
                {t('sync.hideHelp')}
              </Button>
            </Flex>
            {/* Open, the steps scroll within part of the window: the list below stays in view. */}
            <div style={{ maxHeight: '40vh', overflowY: 'auto' }}>
              <IpWhitelistHelp
                ip={seenIp(ipError)}
                onRetest={look}
                testing={recheck.isPending}
                mode="paused"
                note={note}
              />
            </div>
          </div>
        )}
      </div>
    );
  }
  if (!error || shownElsewhere.has(error.code)) return null;
  return (
    <div style={{ padding: '8px 16px 0' }} data-testid="sync-error">
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={t('status.syncFailed')}
        description={errorText(error)}
        action={
          secretCodes.has(error.code) ? (
            <Button size="small" type="primary" onClick={() => setChangingSecret(true)}>
              {t('settings.changeSecret')}
            </Button>
          ) : (
            <Button size="small" onClick={() => start.mutate()} loading={start.isPending}>
              {t('sync.resume')}
            </Button>
          )
        }
      />
      {secretCodes.has(error.code) ? (
        <ChangeSecretDialog
          accountId={accountId}
          open={changingSecret}
          onClose={() => setChangingSecret(false)}
          onChanged={() => start.mutate()}
        />
      ) : null}
    </div>
  );
}
