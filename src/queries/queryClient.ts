import { QueryClient } from '@tanstack/react-query';
import { retryDelay, shouldRetry } from './retry';

/**
 * 30 s of freshness keeps paging back and forth, detail visits and window refocus off the network, which
 * is what keeps normal use far inside the API's 200 requests/min per key.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        retry: shouldRetry,
        retryDelay,
        refetchOnReconnect: true,
        refetchOnWindowFocus: true,
      },
    },
  });
}
