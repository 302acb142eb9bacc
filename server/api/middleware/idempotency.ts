// Idempotency-Key as Sent documents it: POST, PUT and PATCH accept one; within 24 h a request with the same key
// from the same customer gets the first response back instead of acting twice ("at-most-once execution").
// The customer is the account the request acts as (a profile named by x-profile-id acts as that profile).
// A second request arriving while the first is still running waits for it; the same key on a different
// request (method, path or body) is refused rather than answered with another request's response.
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { ApiFailure } from '../errors.ts';
import type { IdempotencyStore } from '../store/idempotency.ts';

const KEY_FORMAT = /^[A-Za-z0-9_-]{1,255}$/;
const METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** `responses`: the answers, kept 24 h in the API's database (store/idempotency.ts). */
export function idempotency(responses: IdempotencyStore): MiddlewareHandler<AppEnv> {
  const running = new Map<string, Promise<void>>();
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined || !METHODS.has(c.req.method)) return next();
    if (!KEY_FORMAT.test(key)) throw keyProblem('Must be 1-255 letters, digits, hyphens or underscores.');
    const cacheKey = `${c.get('scope').acting.id}:${key}`;
    const request = createHash('sha256')
      .update(`${c.req.method} ${c.req.path}\n${await c.req.text()}`)
      .digest('base64url');

    for (let pending = running.get(cacheKey); pending; pending = running.get(cacheKey)) await pending;
    const stored = responses.get(cacheKey);
    if (stored) {
      if (stored.request !== request)
        throw keyProblem('Already used for a different request in the last 24 hours; send a new key.');
      c.res = new Response(stored.body, {
        status: stored.status,
        headers: { 'content-type': 'application/json; charset=UTF-8', 'Idempotent-Replayed': 'true' },
      });
      return;
    }

    let finish = () => {};
    running.set(
      cacheKey,
      new Promise<void>((resolve) => {
        finish = resolve;
      }),
    );
    try {
      await next();
      // A server error did not necessarily act: the same key may try again.
      if (c.res.status < 500)
        responses.set(cacheKey, { request, status: c.res.status, body: await c.res.clone().text() });
    } finally {
      running.delete(cacheKey);
      finish();
    }
  };
}

function keyProblem(message: string): ApiFailure {
  return new ApiFailure('VALIDATION_001', 'Request validation failed', { 'Idempotency-Key': [message] });
}
