import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.ts';
import type { ApiFailure } from '../errors.ts';
import { rateLimit } from './rate-limit.ts';

function appWithClock() {
  let now = 1_000_000;
  const app = new Hono<AppEnv>();
  app.use(
    '*',
    rateLimit({ perMinute: 120, burst: 2 }, () => now),
  );
  app.get('/', (c) => c.text('ok'));
  app.onError((err, c) => c.text(err.message, (err as ApiFailure).status as 429));
  return { app, advance: (ms: number) => (now += ms) };
}

describe('rate limit token bucket', () => {
  it('refills at perMinute/60 per second up to the burst', async () => {
    const { app, advance } = appWithClock();
    const hit = () => app.request('/', { headers: { 'x-api-key': 'k' } });
    expect((await hit()).status).toBe(200);
    expect((await hit()).status).toBe(200);
    expect((await hit()).status).toBe(429);
    advance(500); // 120/min = 2/s: half a second gives one token back
    expect((await hit()).status).toBe(200);
    expect((await hit()).status).toBe(429);
    advance(60_000);
    const full = await hit();
    expect(full.headers.get('x-ratelimit-remaining')).toBe('1');
  });
});
