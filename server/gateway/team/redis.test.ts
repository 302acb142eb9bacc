// Shared state against a real redis-server (server/testing/redis-server.ts): two gateway replicas in this
// process, each with its own Redis connections and its own counting fake of the Sent API.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../clock.ts';
import { type FakeUpstream, fakeUpstream } from '../../testing/fake-upstream.ts';
import { type RedisServer, startRedisServer } from '../../testing/redis-server.ts';
import { createResponseCache } from './cache.ts';
import type { CachedResponse, CacheStore } from './cache-store.ts';
import type { TeamConfig } from './config.ts';
import { createTeam, type Team } from './create.ts';
import { createRedisCacheStore } from './redis-cache-store.ts';

let server: RedisServer;
const closers: (() => Promise<void>)[] = [];
let keyCounter = 0;

beforeAll(async () => {
  server = await startRedisServer();
});

afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await server?.stop();
});

interface Replica {
  team: Team;
  inner: FakeUpstream;
  logs: string[];
  get(path: string, profile?: string): Promise<Response>;
  patch(path: string): Promise<Response>;
}

/** Two (or more) replicas of one account: same API key, so the same budget and cache in Redis. */
async function replicas(n: number, config: Partial<TeamConfig> = {}): Promise<Replica[]> {
  const apiKey = `sk_test_redis_${++keyCounter}`;
  const full: TeamConfig = { perMinute: 600, burst: 20, maxWaitMs: 1_000, redisUrl: server.url, ...config };
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const inner = fakeUpstream(apiKey);
      const logs: string[] = [];
      const team = await createTeam(full, inner, {
        replicaId: `replica-${i}`,
        // Frequent heartbeats (a quick rejoin), but a replica counts for a minute: a heartbeat delayed by a
        // busy machine must not change the replica count the fallback divides the share by.
        heartbeatMs: 100,
        replicaWindowMs: 60_000,
        log: (line) => logs.push(line),
      });
      closers.push(() => team.upstream.close());
      const send = (path: string, method: string, profile = 'p1') =>
        team.upstream.fetch(
          new Request(inner.baseUrl + path, {
            method,
            headers: { 'x-profile-id': profile },
            body: method === 'GET' ? null : '{}',
          }),
          { requester: `person-${i}`, priority: 'interactive' },
        );
      return {
        team,
        inner,
        logs,
        get: (p, profile) => send(p, 'GET', profile),
        patch: (p) => send(p, 'PATCH'),
      };
    }),
  );
}

const calls = (rs: Replica[]) => rs.reduce((n, r) => n + r.inner.calls.length, 0);

describe('shared through Redis', () => {
  it('two replicas spend one budget', async () => {
    const rs = await replicas(2, { perMinute: 5, burst: 5 });
    for (const r of rs) await vi.waitFor(() => expect(r.team.upstream.snapshot().replicas).toBe(2));
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (rs[i % 2] as Replica).get(`/v3/contacts/c${i}`)),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    expect(calls(rs)).toBe(5);
    const refused = answers.find((r) => r.status === 429) as Response;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(1);
    expect(rs[0]?.team.upstream.snapshot()).toMatchObject({ mode: 'redis', remaining: 0 });
  });

  it("an upstream 429's Retry-After holds back every replica", async () => {
    const [a, b] = (await replicas(2)) as [Replica, Replica];
    a.inner.script.push({ status: 429, headers: { 'retry-after': '30' } });
    expect((await a.get('/v3/me')).status).toBe(429);
    const res = await b.get('/v3/profiles');
    expect(res.status).toBe(429);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('GATEWAY_011');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(28);
    expect(b.inner.calls).toHaveLength(0);
  });

  it('shares cached answers, and an edit on one replica invalidates them on the other', async () => {
    const rs = await replicas(2);
    const [a, b] = rs as [Replica, Replica];
    expect((await a.get('/v3/contacts/c1')).headers.get('x-cache')).toBe('miss');
    expect((await b.get('/v3/contacts/c1')).headers.get('x-cache')).toBe('hit');
    await a.get('/v3/contacts?page=1');
    await a.get('/v3/contacts?page=1', 'p2');
    expect((await b.get('/v3/contacts?page=1')).headers.get('x-cache')).toBe('hit');
    expect(calls(rs)).toBe(3);

    expect((await b.patch('/v3/contacts/c1')).status).toBe(200);
    expect((await a.get('/v3/contacts/c1')).headers.get('x-cache')).toBe('miss');
    expect((await a.get('/v3/contacts?page=1')).headers.get('x-cache')).toBe('miss');
    expect((await a.get('/v3/contacts?page=1', 'p2')).headers.get('x-cache')).toBe('hit');
    expect(calls(rs)).toBe(6);
  });

  it('single-flight crosses replicas: a waiter on another replica gets the one fetch', async () => {
    const make = () => {
      const redis = new Redis(server.url);
      const subscriber = new Redis(server.url);
      for (const c of [redis, subscriber]) c.on('error', () => {});
      closers.push(async () => {
        redis.disconnect();
        subscriber.disconnect();
      });
      return createRedisCacheStore({
        redis,
        subscriber,
        prefix: 'sf-test:',
        clock: systemClock,
        replicaId: 'x',
      });
    };
    const storeA = make();
    const base = make();
    let waiting!: () => void;
    const bWaits = new Promise<void>((resolve) => {
      waiting = resolve;
    });
    const storeB: CacheStore = {
      ...base,
      waitUnlock(key, maxMs, signal) {
        waiting();
        return base.waitUnlock(key, maxMs, signal);
      },
    };
    const policy = { ttlMs: 5_000, tags: ['account'] };
    let loads = 0;
    let release!: (v: CachedResponse) => void;
    const slow = () => {
      loads++;
      return new Promise<CachedResponse>((resolve) => {
        release = resolve;
      });
    };
    const first = createResponseCache(storeA).through('me', policy, slow);
    await vi.waitFor(() => expect(loads).toBe(1));
    const second = createResponseCache(storeB).through('me', policy, slow);
    await bWaits;
    release({ status: 200, headers: [], body: new TextEncoder().encode('{"me":1}') });
    expect((await first).outcome).toBe('miss');
    const shared = await second;
    expect(shared.outcome).toBe('shared');
    expect(new TextDecoder().decode(shared.value.body)).toBe('{"me":1}');
    expect(loads).toBe(1);
  });

  it('keeps serving on a local budget while Redis is down, and rejoins when it is back', async () => {
    const rs = await replicas(2);
    // Each replica divides by the count its own last heartbeat read: wait until both have counted two
    // (the first to start read one), or one of them falls back to the whole share.
    for (const r of rs) await vi.waitFor(() => expect(r.team.upstream.snapshot().replicas).toBe(2));
    const burst = (tag: string) =>
      Promise.all(Array.from({ length: 8 }, (_, i) => (rs[i % 2] as Replica).get(`/v3/contacts/${tag}${i}`)));

    const during = burst('a').then((answers) => answers.map((r) => r.status));
    await server.kill();
    const after = await burst('b');
    expect(await during).toEqual(Array(8).fill(200));
    expect(after.map((r) => r.status)).toEqual(Array(8).fill(200));
    for (const r of rs) {
      expect(r.team.upstream.snapshot()).toMatchObject({ mode: 'local-fallback', limit: 300, burst: 10 });
      expect(r.logs.filter((l) => l.includes('unreachable'))).toHaveLength(1);
    }
    const readiness = async () => {
      const res = (await rs[0]?.team.handleOps(new Request('http://gw.invalid/readyz'))) as Response;
      return {
        status: res.status,
        redis: ((await res.json()) as { checks: { redis: string } }).checks.redis,
      };
    };
    expect(await readiness()).toEqual({ status: 503, redis: 'unreachable' });

    await server.restart();
    for (const r of rs) await vi.waitFor(() => expect(r.team.upstream.snapshot().mode).toBe('redis'), 10_000);
    expect((await burst('c')).map((r) => r.status)).toEqual(Array(8).fill(200));
    for (const r of rs) expect(r.logs.at(-1)).toContain('Redis reachable');
    expect((await readiness()).redis).toBe('ok');
  });
});
