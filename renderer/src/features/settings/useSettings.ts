import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { defaultSettings, type Settings, type SettingsPatch } from '#contract/settings';
import { unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';
import { settingsQuery } from './settingsQuery';

/** The app-wide settings; the defaults until the core has answered (or without a host). */
export function useSettings(): { settings: Settings; loaded: boolean } {
  const query = useQuery(settingsQuery);
  return { settings: query.data ?? defaultSettings, loaded: query.isSuccess };
}

export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => wxg.settingsSet(patch).then(unwrap),
    // The choice shows at once (a radio that lags behind a click feels broken); undone on failure.
    onMutate: (patch) => {
      const before = client.getQueryData<Settings>(queryKeys.settings);
      if (before) client.setQueryData(queryKeys.settings, { ...before, ...patch });
      return { before };
    },
    onError: (_error, _patch, context) => {
      if (context?.before) client.setQueryData(queryKeys.settings, context.before);
    },
    onSuccess: (settings) => client.setQueryData(queryKeys.settings, settings),
  });
}
