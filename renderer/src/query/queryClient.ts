import { QueryClient } from '@tanstack/react-query';
import { WxgError } from '../api';

/**
 * Everything comes from the local core (cache answers in milliseconds), so there is nothing to gain
 * from refetching on focus; data changes arrive as `data:changed` events instead.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // Only errors the core calls retryable are worth a second try; the rest need the user.
        retry: (failures, error) => failures < 2 && error instanceof WxgError && error.data.retryable,
      },
      mutations: { retry: false },
    },
  });
}
