import { Alert, App, Button, Flex, Input, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorData } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { REMARK_MAX_BYTES, utf8Bytes } from './remarkBytes';

/** The WeChat remark with a live byte counter (under 30 bytes: at most 9 Chinese characters). */
export function RemarkEditor({
  initial,
  blockedReason,
  save,
  onDirtyChange,
  onRecheck,
  offline = false,
  isDemo = false,
}: {
  initial: string;
  /** WeChat cannot be reached: an edit in the field cannot go out, and must not look saved. */
  offline?: boolean;
  /** The demo's remarks go to the built-in emulator, and the message says so. */
  isDemo?: boolean;
  blockedReason: string | null;
  /** Offered with the reason when WeChat refused remarks lately: the owner may try again. */
  onRecheck?: (() => void) | undefined;
  /** Told whether there is an edited remark not yet saved (the drawer asks before closing). */
  onDirtyChange?: (dirty: boolean) => void;
  save: {
    mutateAsync: (remark: string) => Promise<unknown>;
    isPending: boolean;
    error: unknown;
    reset: () => void;
  };
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [value, setValue] = useState(initial);
  const bytes = utf8Bytes(value.trim());
  const tooLong = bytes > REMARK_MAX_BYTES;
  // The console takes 30 characters, the API fewer than 30 bytes: a remark set there can be longer
  // than what may be saved back. It is shown whole, and only an edit has to be shorter.
  const fromConsole = tooLong && value.trim() === initial;
  const over = bytes - REMARK_MAX_BYTES;
  const unchanged = value.trim() === initial;
  const disabled = blockedReason !== null;
  // An edit that cannot go out (offline) must not look saved: it is still in the field.
  const stranded = offline && !unchanged;
  useEffect(() => {
    onDirtyChange?.(!unchanged);
    return () => onDirtyChange?.(false);
  }, [unchanged, onDirtyChange]);

  const submit = async () => {
    if (tooLong || unchanged || disabled || save.isPending) return;
    try {
      await save.mutateAsync(value.trim());
      void message.success(t(isDemo ? 'drawer.remarkSavedDemo' : 'drawer.remarkSaved'));
    } catch {
      // Shown below the field.
    }
  };

  return (
    <Flex vertical gap={6}>
      <Typography.Text strong id="remark-label">
        {t('drawer.remark')}
      </Typography.Text>
      <Flex gap={8}>
        <Input
          aria-labelledby="remark-label"
          aria-describedby="remark-help remark-counter"
          value={value}
          status={tooLong && !fromConsole ? 'error' : tooLong ? 'warning' : undefined}
          disabled={disabled}
          onChange={(e) => {
            setValue(e.target.value);
            save.reset();
          }}
          onPressEnter={() => void submit()}
          placeholder={t('followers.noRemark')}
        />
        <Tooltip title={blockedReason}>
          <Button
            type="primary"
            disabled={disabled || tooLong || unchanged}
            loading={save.isPending}
            onClick={() => void submit()}
          >
            {t('drawer.remarkSave')}
          </Button>
        </Tooltip>
      </Flex>
      <Flex justify="space-between" gap={12}>
        <Typography.Text
          type={fromConsole ? 'warning' : tooLong ? 'danger' : 'secondary'}
          style={{ fontSize: 12 }}
          role={tooLong && !fromConsole ? 'alert' : undefined}
          data-testid="remark-length"
        >
          {fromConsole
            ? t('drawer.remarkFromConsole', { count: bytes, max: REMARK_MAX_BYTES })
            : tooLong
              ? t('drawer.remarkTooLong', {
                  count: bytes,
                  max: REMARK_MAX_BYTES,
                  over,
                  chars: Math.ceil(over / 3),
                })
              : null}
        </Typography.Text>
        <Typography.Text
          id="remark-counter"
          type={tooLong ? 'danger' : 'secondary'}
          style={{ fontSize: 12, whiteSpace: 'nowrap' }}
          aria-live="polite"
        >
          {t('drawer.remarkCounter', { count: bytes, max: REMARK_MAX_BYTES })}
        </Typography.Text>
      </Flex>
      <Typography.Text id="remark-help" type="secondary" style={{ fontSize: 12 }}>
        {/* Offline with an edit in the field: the alert below says it all. */}
        {stranded ? t('drawer.remarkHelp') : (blockedReason ?? t('drawer.remarkHelp'))}
        {onRecheck ? (
          <Button type="link" size="small" onClick={onRecheck} style={{ fontSize: 12, paddingInline: 4 }}>
            {t('drawer.remarkRecheck')}
          </Button>
        ) : null}
      </Typography.Text>
      {stranded ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="remark-not-saved"
          title={t('drawer.remarkNotSaved')}
          description={t('drawer.remarkNotSavedOffline')}
        />
      ) : save.error ? (
        <ErrorAlert error={errorData(save.error)} title={t('drawer.remarkNotSaved')} />
      ) : null}
    </Flex>
  );
}
