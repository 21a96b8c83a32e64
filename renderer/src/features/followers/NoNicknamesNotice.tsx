import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const DISMISSED_KEY = 'fg.noNicknamesNotice.dismissed';

function readDismissed(): boolean {
  try {
    return window.localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * Said once, where anonymous rows are first seen: WeChat has given no nicknames or avatars since
 * 2021, so remarks and local notes are how to recognise people, and the id's tail finds them.
 * Dismissed for good with 知道了 (kept in the window's own storage: it is about this screen only).
 */
export function NoNicknamesNotice({ example }: { example: string }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(readDismissed);
  if (dismissed) return null;
  const dismiss = () => {
    try {
      window.localStorage.setItem(DISMISSED_KEY, '1');
    } catch {
      // Storage refused: it is hidden for this session at least.
    }
    setDismissed(true);
  };
  return (
    <Alert
      type="info"
      showIcon
      data-testid="no-nicknames"
      title={t('followers.noNicknames.title')}
      description={t('followers.noNicknames.body', { example })}
      action={
        <Button size="small" onClick={dismiss}>
          {t('followers.noNicknames.dismiss')}
        </Button>
      }
    />
  );
}
