import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.ts';
import type { ApiFailure } from '../errors.ts';
import { type RateLimitOptions, rateLimit } from './rate-limit.ts';

/** A Unix time in ms on a whole second, so the expected header values are easy to read. */
const T0 = 1_700_000_000_000;
const T0_SECONDS = T0 / 1000;

function appWithClock(options: RateLimitOptions) {
  let now = T0;
  const app = new Hono<AppEnv>();
  app.use(
    '*',
    rateLimit(options, () => now),
  );
  app.get('/', (c) => c.text('ok'));
  // As the API's error handler does: the failure's status and its extra headers (Retry-After).
  app.onError((err, c) => {
    const failure = err as ApiFailure;
    return c.text(failure.message, failure.status as 429, failure.headers);
  });
  const hit = async () => {
    const res = await app.request('/', { headers: { 'x-api-key': 'k' } });
    const header = (name: string) => res.headers.get(name);
    return {
      status: res.status,
      limit: header('x-ratelimit-limit'),
      remaining: header('x-ratelimit-remaining'),
      reset: header('x-ratelimit-reset'),
      retryAfter: header('retry-after'),
    };
  };
  return { hit, advance: (ms: number) => (now += ms) };
}

describe('rate limit token bucket', () => {
  it('refills at perMinute/60 per second up to the burst', async () => {
    const { hit, advance } = appWithClock({ perMinute: 120, burst: 2 });
    expect((await hit()).status).toBe(200);
    expect((await hit()).status).toBe(200);
    expect((await hit()).status).toBe(429);
    advance(500); // 120/min = 2/s: half a second gives one token back
    expect((await hit()).status).toBe(200);
    expect((await hit()).status).toBe(429);
    advance(60_000);
    expect((await hit()).remaining).toBe('1');
  });

  it('X-RateLimit-Reset is the Unix time (s) at which the bucket is full again, on every response', async () => {
    const { hit, advance } = appWithClock({ perMinute: 120, burst: 2 });
    // One token back every 500 ms: one used → full at T0 + 0.5 s, two used → T0 + 1 s (rounded up to the second).
    expect(await hit()).toMatchObject({
      status: 200,
      limit: '120',
      remaining: '1',
      reset: `${T0_SECONDS + 1}`,
    });
    expect(await hit()).toMatchObject({ status: 200, remaining: '0', reset: `${T0_SECONDS + 1}` });
    expect(await hit()).toMatchObject({
      status: 429,
      limit: '120',
      remaining: '0',
      reset: `${T0_SECONDS + 1}`,
    });
    advance(3_000);
    expect(await hit()).toMatchObject({ status: 200, remaining: '1', reset: `${T0_SECONDS + 4}` });
    expect((await hit()).retryAfter).toBeNull(); // Retry-After only on 429
  });

  it('Retry-After on 429 is the whole seconds until one request is allowed again, rounded up', async () => {
    // 6/min: one token every 10 s; burst 1.
    const { hit, advance } = appWithClock({ perMinute: 6, burst: 1 });
    expect(await hit()).toMatchObject({
      status: 200,
      remaining: '0',
      reset: `${T0_SECONDS + 10}`,
      retryAfter: null,
    });
    advance(2_500); // a quarter token back: 7.5 s to go
    expect(await hit()).toMatchObject({ status: 429, retryAfter: '8', reset: `${T0_SECONDS + 10}` });
    advance(7_499);
    expect(await hit()).toMatchObject({ status: 429, retryAfter: '1' });
    advance(1); // T0 + 10 s: exactly one token
    expect(await hit()).toMatchObject({ status: 200, remaining: '0', reset: `${T0_SECONDS + 20}` });
  });

  it('a client that waits Retry-After seconds is let through', async () => {
    const { hit, advance } = appWithClock({ perMinute: 200, burst: 50 });
    for (let i = 0; i < 50; i++) expect((await hit()).status).toBe(200);
    const blocked = await hit();
    expect(blocked).toMatchObject({ status: 429, retryAfter: '1' }); // 200/min: a token every 300 ms
    advance(Number(blocked.retryAfter) * 1000);
    expect((await hit()).status).toBe(200);
  });
});
