import { useQuery } from '@tanstack/react-query';
import { Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';

const seenKey = (movedTo: string) => `notice-seen:${movedTo}`;

/**
 * What the host tells the owner once at start-up (today: settings.json could not be read and was
 * reset). Shown once: a reload of the window in the same run does not show it again.
 */
export function StartupNotices() {
  const { t } = useTranslation();
  const info = useQuery({
    queryKey: queryKeys.appInfo,
    queryFn: () => wxg.appInfo().then(unwrap),
    staleTime: Infinity,
  });
  const [closed, setClosed] = useState(false);
  const notice = info.data?.notices.find((n) => n.kind === 'settingsReset');
  if (!notice || closed || sessionStorage.getItem(seenKey(notice.movedTo))) return null;
  const close = () => {
    sessionStorage.setItem(seenKey(notice.movedTo), '1');
    setClosed(true);
  };
  return (
    <Modal
      open
      title={t('notices.settingsResetTitle')}
      okText={t('notices.gotIt')}
      onOk={close}
      onCancel={close}
      footer={(_, { OkBtn }) => <OkBtn />}
    >
      <Typography.Paragraph>
        {notice.accountsKept > 0
          ? t('notices.settingsResetBody', { count: notice.accountsKept })
          : t('notices.settingsResetNone')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('notices.settingsResetMovedTo')}
      </Typography.Paragraph>
      <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
        {notice.movedTo}
      </Typography.Text>
    </Modal>
  );
}
