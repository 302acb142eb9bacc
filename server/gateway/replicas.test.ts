// Two gateways (compose.ts with the team, as `npm start` builds it) sharing one real redis-server, in
// front of the embedded API with Sent's rate limit on: together they spend one budget, and what reaches the
// API is counted there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedApi, type EmbeddedApi } from '../api/server.ts';
import { testParts } from '../testing/parts.ts';
import { type RedisServer, startRedisServer } from '../testing/redis-server.ts';
import { composeGateway, type Gateway } from './compose.ts';
import { embeddedUpstream } from './upstream.ts';

let redis: RedisServer;
let api: EmbeddedApi;
const reached: string[] = [];
const upstream429: string[] = [];
const gateways: Gateway[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  api = createEmbeddedApi({ contactsPerProfile: 50, rateLimit: { perMinute: 200, burst: 50 } });
  await api.ready;
  const inner = embeddedUpstream(api);
  const counting = {
    ...inner,
    fetch: async (req: Request) => {
      reached.push(new URL(req.url).pathname);
      const res = await inner.fetch(req);
      if (res.status === 429) upstream429.push(new URL(req.url).pathname);
      return res;
    },
  };
  // A small share so the test stays short: 10 at once, 30 a minute, at most 1 s of waiting.
  const config = { perMinute: 30, burst: 10, maxWaitMs: 1_000, redisUrl: redis.url };
  for (let i = 0; i < 2; i++) {
    const team = { config, options: { replicaId: `gw-${i}`, log: () => {} } };
    gateways.push(await composeGateway(testParts(counting, { team })));
  }
});
afterAll(async () => {
  for (const g of gateways) await g.stop();
  api?.close();
  await redis?.stop();
});

const get = (i: number, path: string) =>
  (gateways[i % 2] as Gateway).app.request(path, { headers: { host: '127.0.0.1:5173' } });

describe('two gateway replicas over one Redis', () => {
  it('spend one budget between them: the API sees the share, never a 429; the rest wait or get GATEWAY_011', async () => {
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => get(i, `/v3/contacts?page=${i + 1}&page_size=1`)),
    );
    const statuses = answers.map((r) => r.status);
    const served = statuses.filter((s) => s === 200).length;
    // The burst of 10 at once, plus what refilled (30/min: one per 2 s) within the 1 s bound.
    expect(served).toBeGreaterThanOrEqual(10);
    expect(served).toBeLessThanOrEqual(11);
    expect(reached).toHaveLength(served);
    expect(upstream429).toEqual([]);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused).toHaveLength(24 - served);
    const body = (await refused[0]?.json()) as { error: { code: string } };
    expect(body.error.code).toBe('GATEWAY_011');
    expect(Number(refused[0]?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    for (const r of answers) expect(r.headers.get('x-ratelimit-mode')).toBe('redis');
  });
});
