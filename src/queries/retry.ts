import { ApiError } from '../api/errors';

const MAX_RETRIES = 2;

/** The gateway's code for background work it set aside while people wait for the team's API budget. */
export const SET_ASIDE_CODE = 'GATEWAY_012';

/** Background work (prefetch, export page) the gateway set aside: not a failure, come back after Retry-After. */
export function isSetAside(error: unknown): boolean {
  return error instanceof ApiError && error.status === 429 && error.code === SET_ASIDE_CODE;
}
const MAX_RATE_LIMIT_WAITS = 3;

/**
 * 4xx means the request itself is wrong (or the key is), so repeating it only burns rate limit.
 * 5xx and network failures are retried with backoff; 429 waits out Retry-After a few times.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof ApiError)) return failureCount < MAX_RETRIES;
  if (error.status === 429) return failureCount < MAX_RATE_LIMIT_WAITS;
  if (error.status >= 400 && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

/** Milliseconds before the next attempt: the server's Retry-After when given, else 0.5 s, 1.5 s, … capped. */
export function retryDelay(attempt: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfter !== null) return error.retryAfter * 1000;
  return Math.min(500 * 3 ** attempt, 8000);
}
