// The latest X-RateLimit-* figures seen on any response: the footer shows them, the export paces by them.
export interface RateLimit {
  limit: number;
  remaining: number;
  /** Epoch seconds or seconds until reset, as the server sends it. */
  reset: number;
  /**
   * The gateway's X-RateLimit-Window-Remaining: of `limit`, requests the last 60 s leave room for (`remaining`
   * is then what may go at once before requests wait); null from a bare API.
   */
  windowRemaining: number | null;
  /**
   * The gateway's X-RateLimit-Mode: its team budget in this process (`local`), shared by every replica
   * (`redis`), or this replica's part while Redis is unreachable (`local-fallback`); null from a bare API.
   */
  mode: 'local' | 'redis' | 'local-fallback' | null;
}

const MODES = new Set(['local', 'redis', 'local-fallback']);

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
  const mode = headers.get('x-ratelimit-mode');
  const window = Number(headers.get('x-ratelimit-window-remaining') ?? Number.NaN);
  lastRateLimit = {
    limit,
    remaining,
    reset: Number(headers.get('x-ratelimit-reset')) || 0,
    windowRemaining: Number.isFinite(window) ? window : null,
    mode: mode && MODES.has(mode) ? (mode as RateLimit['mode']) : null,
  };
  for (const listener of rateLimitListeners) listener();
}
