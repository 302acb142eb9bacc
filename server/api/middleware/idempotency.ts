import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { ApiFailure } from '../errors.ts';

const KEY_FORMAT = /^[A-Za-z0-9_-]{1,255}$/;
const TTL_MS = 24 * 60 * 60 * 1000;
const MAX_ENTRIES = 10_000;

interface Stored {
  status: number;
  body: string;
  expires: number;
}

/** Idempotency-Key on mutations: a replay within 24 h gets the first response back instead of acting twice. */
export function idempotency(): MiddlewareHandler<AppEnv> {
  const responses = new Map<string, Stored>();
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined || c.req.method === 'GET') return next();
    if (!KEY_FORMAT.test(key)) {
      throw new ApiFailure('VALIDATION_001', 'Request validation failed', {
        'Idempotency-Key': ['Must be 1-255 letters, digits, hyphens or underscores.'],
      });
    }
    const cacheKey = `${c.get('scope').account.id}:${key}`;
    const now = Date.now();
    const stored = responses.get(cacheKey);
    if (stored && stored.expires > now) {
      c.res = new Response(stored.body, {
        status: stored.status,
        headers: { 'content-type': 'application/json; charset=UTF-8', 'Idempotent-Replayed': 'true' },
      });
      return;
    }
    await next();
    if (c.res.status < 500) {
      if (responses.size >= MAX_ENTRIES) responses.clear();
      responses.set(cacheKey, {
        status: c.res.status,
        body: await c.res.clone().text(),
        expires: now + TTL_MS,
      });
    }
  };
}
