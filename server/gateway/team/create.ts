// Builds the team upstream from its settings: everything in this process, or shared through Redis when
// REDIS_URL is set (two connections: commands, and pub/sub for fill notifications). The count of contacts each
// person read (../reads) lives in the same engine.
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { type Clock, systemClock } from '../../clock.ts';
import { createMemoryReadCounter, type ReadCounter } from '../reads/counter.ts';
import { createRedisReadCounter } from '../reads/redis-counter.ts';
import type { Upstream } from '../upstream.ts';
import { type Budget, createMemoryBudget } from './budget.ts';
import { createResponseCache } from './cache.ts';
import { keyScope } from './cache-policy.ts';
import { type CacheStore, createMemoryCacheStore } from './cache-store.ts';
import type { TeamConfig } from './config.ts';
import { createOpsHandler, type ReadinessCheck, upstreamProbe } from './health.ts';
import { createTeamMetrics, type TeamMetrics } from './metrics.ts';
import { createRedisBudget } from './redis-budget.ts';
import { createRedisCacheStore } from './redis-cache-store.ts';
import { createScheduler } from './scheduler.ts';
import { createTeamUpstream, type TeamUpstream } from './team-upstream.ts';

export interface Team {
  upstream: TeamUpstream;
  metrics: TeamMetrics;
  /** Distinct contacts each person read in the last hour (the bulk-reading limit). */
  reads: ReadCounter;
  /** /healthz, /readyz, /metrics; null for any other request. */
  handleOps(req: Request): Promise<Response | null>;
}

export interface TeamOptions {
  clock?: Clock;
  log?: (line: string) => void;
  /** This replica's name in the heartbeat set (random by default). */
  replicaId?: string;
  heartbeatMs?: number;
  /** How long a silent replica still counts in the share (redis-budget.ts). */
  replicaWindowMs?: number;
  /** How long start-up waits for Redis before serving on the local budget (it joins later). */
  connectTimeoutMs?: number;
}

/**
 * Share of the budget background work (prefetch, export pages) leaves for people: of the burst, and of the
 * requests a 60 s window may hold. People's own demand (a support team: ~100 a minute) must fit in it.
 */
export const BACKGROUND_RESERVE_SHARE = 0.3;

interface Shared {
  budget: Budget;
  store: CacheStore;
  reads: ReadCounter;
  checks: Record<string, ReadinessCheck>;
  close(): Promise<void>;
}

async function redisShared(url: string, config: TeamConfig, inner: Upstream, o: TeamOptions, clock: Clock) {
  const log = o.log ?? ((line: string) => console.warn(line));
  // No offline queue: while Redis is away a command fails at once and the local budget takes over.
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1_000 });
  const subscriber = new Redis(url, { maxRetriesPerRequest: null });
  for (const c of [redis, subscriber]) c.on('error', () => {}); // reported once by the budget, not per retry
  const prefix = `sent:gw:${keyScope(inner.apiKey)}:`;
  const replicaId = o.replicaId ?? randomUUID();
  const budget = createRedisBudget({
    redis,
    prefix,
    shape: { perMinute: config.perMinute, burst: config.burst },
    clock,
    replicaId,
    log,
    heartbeatMs: o.heartbeatMs,
    replicaWindowMs: o.replicaWindowMs,
  });
  const store = createRedisCacheStore({ redis, subscriber, prefix, clock, replicaId });
  const reads = createRedisReadCounter({ redis, prefix, clock, log });
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, o.connectTimeoutMs ?? 2_000);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  await budget.heartbeat();
  return {
    budget,
    store,
    reads,
    checks: { redis: async () => (await redis.ping()) === 'PONG' },
    async close() {
      await budget.close();
      await store.close();
      redis.disconnect();
      subscriber.disconnect();
    },
  } satisfies Shared;
}

export async function createTeam(config: TeamConfig, inner: Upstream, o: TeamOptions = {}): Promise<Team> {
  const clock = o.clock ?? systemClock;
  const shared: Shared = config.redisUrl
    ? await redisShared(config.redisUrl, config, inner, o, clock)
    : {
        budget: createMemoryBudget({ perMinute: config.perMinute, burst: config.burst }, clock),
        store: createMemoryCacheStore(clock),
        reads: createMemoryReadCounter(clock),
        checks: {},
        close: async () => {},
      };
  const scheduler = createScheduler({
    budget: shared.budget,
    clock,
    maxWaitMs: config.maxWaitMs,
    backgroundMaxWaitMs: config.maxWaitMs / 2,
    backgroundReserve: BACKGROUND_RESERVE_SHARE,
  });
  let upstream: TeamUpstream | undefined;
  const metrics = createTeamMetrics(() => (upstream as TeamUpstream).snapshot());
  upstream = createTeamUpstream(inner, {
    budget: shared.budget,
    scheduler,
    cache: createResponseCache(shared.store),
    clock,
    observer: metrics.observer,
    onClose: shared.close,
  });
  const handleOps = createOpsHandler({
    registry: metrics.registry,
    checks: { upstream: upstreamProbe(inner, clock), ...shared.checks },
  });
  return { upstream, metrics, reads: shared.reads, handleOps };
}
