import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { unwrap, wxg } from '../../api';

/**
 * 重新连接: asks the core to look now whether WeChat answers (the same cheap check it makes by
 * itself while offline) and says so when it still does not.
 */
export function useNetCheck(accountId: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: () => wxg.netCheck({ accountId }).then(unwrap),
    // What the check found reaches the window as net:status before this answer.
    onSuccess: (state) => {
      if (!state.online) void message.warning(t('offline.stillOffline'));
    },
  });
}
