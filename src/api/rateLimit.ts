// The latest X-RateLimit-* figures seen on any response: the footer shows them, the export paces by them.
export interface RateLimit {
  limit: number;
  remaining: number;
  /** Epoch seconds or seconds until reset, as the server sends it. */
  reset: number;
}

let lastRateLimit: RateLimit | null = null;
const rateLimitListeners = new Set<() => void>();

export function getRateLimit(): RateLimit | null {
  return lastRateLimit;
}

export function subscribeRateLimit(listener: () => void): () => void {
  rateLimitListeners.add(listener);
  return () => rateLimitListeners.delete(listener);
}

export function recordRateLimit(headers: Headers): void {
  const limit = Number(headers.get('x-ratelimit-limit'));
  const remaining = Number(headers.get('x-ratelimit-remaining'));
  if (!headers.has('x-ratelimit-limit') || !Number.isFinite(limit) || !Number.isFinite(remaining)) return;
  lastRateLimit = { limit, remaining, reset: Number(headers.get('x-ratelimit-reset')) || 0 };
  for (const listener of rateLimitListeners) listener();
}
