// Reads what the upstream says about the account's budget: X-RateLimit-Remaining/Reset on every answer,
// Retry-After on a 429. The upstream's figures include the account's production traffic, so they win
// whenever they say less is left than our own count.
import type { Adjustment } from './bucket.ts';
import { UPSTREAM_LIMIT_PER_MIN } from './config.ts';

/** Block after a 429 that names no Retry-After. */
const DEFAULT_429_BLOCK_MS = 1_000;

/** Retry-After is delta-seconds or an HTTP date; returns milliseconds, or null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (value.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** X-RateLimit-Reset as epoch ms: Sent sends epoch seconds; a small number is read as seconds from now. */
export function resetAtMs(value: string | null, now: number): number | null {
  const n = Number(value);
  if (!value || !Number.isFinite(n) || n < 0) return null;
  return n > 1e9 ? n * 1000 : now + n * 1000;
}

export function adjustmentFrom(headers: Headers, status: number, now: number): Adjustment {
  const adj: Adjustment = {};
  const remaining = Number(headers.get('x-ratelimit-remaining'));
  if (headers.has('x-ratelimit-remaining') && Number.isFinite(remaining)) {
    adj.lowerTo = remaining;
    if (remaining <= 0) {
      // None left upstream: wait for its next token (or its reset, if sooner) rather than draw a 429.
      const limit = Number(headers.get('x-ratelimit-limit')) || UPSTREAM_LIMIT_PER_MIN;
      const reset = resetAtMs(headers.get('x-ratelimit-reset'), now);
      adj.blockMs = Math.min(Math.ceil(60_000 / limit), reset === null ? Infinity : Math.max(0, reset - now));
    }
  }
  if (status === 429) {
    adj.lowerTo = 0;
    adj.blockMs = retryAfterMs(headers.get('retry-after'), now) ?? DEFAULT_429_BLOCK_MS;
  }
  return adj;
}
