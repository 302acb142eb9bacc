import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { ApiFailure } from '../errors.ts';

export interface RateLimitOptions {
  perMinute: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

const MAX_BUCKETS = 10_000;

/**
 * Token bucket per API key, as documented for api.sent.dm: `perMinute` sustained, `burst` at once.
 * X-RateLimit-Reset is the Unix time (seconds) at which the bucket is full again.
 */
export function rateLimit(
  options: RateLimitOptions,
  now: () => number = Date.now,
): MiddlewareHandler<AppEnv> {
  const buckets = new Map<string, Bucket>();
  const refillPerMs = options.perMinute / 60_000;

  return async (c, next) => {
    const key = c.req.header('x-api-key') ?? '';
    const t = now();
    if (buckets.size > MAX_BUCKETS) buckets.clear();
    const bucket = buckets.get(key) ?? { tokens: options.burst, updated: t };
    bucket.tokens = Math.min(options.burst, bucket.tokens + (t - bucket.updated) * refillPerMs);
    bucket.updated = t;
    buckets.set(key, bucket);

    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    const resetAt = Math.ceil((t + (options.burst - bucket.tokens) / refillPerMs) / 1000);
    const headers = {
      'X-RateLimit-Limit': String(options.perMinute),
      'X-RateLimit-Remaining': String(Math.floor(bucket.tokens)),
      'X-RateLimit-Reset': String(resetAt),
    };
    if (!allowed) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
      const error = new ApiFailure('BUSINESS_002', `Rate limit exceeded. Retry after ${retryAfter} seconds.`);
      throw error.withHeaders({ ...headers, 'Retry-After': String(retryAfter) });
    }
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}
