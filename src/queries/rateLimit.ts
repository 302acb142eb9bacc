import { useSyncExternalStore } from 'react';
import { getRateLimit, subscribeRateLimit } from '../api/rateLimit';

export type { RateLimit } from '../api/rateLimit';
export { getRateLimit };

/** The key's request budget as last reported by the API; null on the server (not this browser's budget). */
export function useRateLimit() {
  return useSyncExternalStore(subscribeRateLimit, getRateLimit, () => null);
}
