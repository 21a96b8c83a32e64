import { Alert, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/useErrorText';
import { IpWhitelistHelp } from '../connect/IpWhitelistHelp';
import { ChangeSecretDialog } from '../settings/ChangeSecretDialog';
import { useStartSync, useSyncStatus } from './useSyncStatus';

/** Offline errors have their own line; these are the ones the offline line does not explain. */
const shownElsewhere = new Set(['NETWORK', 'TIMEOUT']);
/** The saved AppSecret is unreadable or WeChat refuses it: the way out is entering it again. */
const secretCodes = new Set(['SECRET_UNREADABLE', 'INVALID_APPSECRET']);

/**
 * Why the last sync stopped, in words, with the way out: for a whitelist refusal (the IP changed
 * since the account was connected) the same help as in the connect wizard.
 */
export function SyncErrorBanner({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const sync = useSyncStatus(accountId);
  const start = useStartSync(accountId);
  // The whitelist help is long: on a small screen it would hide the (still browsable) list.
  const [collapsed, setCollapsed] = useState(false);
  const [changingSecret, setChangingSecret] = useState(false);
  const error = sync.data?.lastError;
  if (!error || sync.data?.running || shownElsewhere.has(error.code)) return null;
  const retry = () => start.mutate();
  return (
    <div style={{ padding: '8px 16px 0' }} data-testid="sync-error">
      {error.code === 'IP_NOT_WHITELISTED' && collapsed ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('status.refused')}
          action={
            <Flex gap={8}>
              <Button size="small" onClick={() => setCollapsed(false)}>
                {t('sync.showHelp')}
              </Button>
              <Button size="small" onClick={retry} loading={start.isPending}>
                {t('connect.ip.retest')}
              </Button>
            </Flex>
          }
        />
      ) : error.code === 'IP_NOT_WHITELISTED' ? (
        <div>
          <Flex justify="end">
            <Button size="small" type="link" onClick={() => setCollapsed(true)}>
              {t('sync.hideHelp')}
            </Button>
          </Flex>
          <IpWhitelistHelp
            ip={typeof error.params['ip'] === 'string' ? error.params['ip'] : null}
            onRetest={retry}
            testing={start.isPending}
          />
        </div>
      ) : (
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
              <Button size="small" onClick={retry} loading={start.isPending}>
                {t('sync.resume')}
              </Button>
            )
          }
        />
      )}
      {secretCodes.has(error.code) ? (
        <ChangeSecretDialog
          accountId={accountId}
          open={changingSecret}
          onClose={() => setChangingSecret(false)}
          onChanged={retry}
        />
      ) : null}
    </div>
  );
}
