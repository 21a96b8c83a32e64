import { queryOptions } from '@tanstack/react-query';
import { hasBridge, unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';

/** The app-wide settings as the core has them (React-free: the start-up prefetch uses it too). */
export const settingsQuery = queryOptions({
  queryKey: queryKeys.settings,
  queryFn: () => wxg.settingsGet().then(unwrap),
  enabled: hasBridge,
  staleTime: Infinity,
});
