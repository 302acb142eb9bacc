// The budget shared by every gateway replica through Redis. Each operation is one Lua script timed by
// Redis's own clock (no read-then-write race, no skew between replicas); the rules are bucket.ts's. When
// Redis cannot be reached the replica spends a local bucket of the share divided by the replica count it
// last saw, says so once, and rejoins at the next heartbeat that gets through. No request waits for Redis.
import type { Redis } from 'ioredis';
import type { Clock } from '../../clock.ts';
import type { Adjustment, BucketShape } from './bucket.ts';
import { type Budget, type BudgetMode, LocalBucket } from './budget.ts';

const BUDGET_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local per_min, burst, op = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
local rate = per_min / 60000
local a1, a2 = tonumber(ARGV[4]), tonumber(ARGV[5])
local s = redis.call('HMGET', KEYS[1], 'tokens', 'ts', 'blocked')
local tokens, ts, blocked = tonumber(s[1]) or burst, tonumber(s[2]) or now, tonumber(s[3]) or 0
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate)
local ok, wait = 0, 0
-- KEYS[2]: the last per_min send times, newest first; those older than 60 s no longer count.
local sent = redis.call('LRANGE', KEYS[2], 0, -1)
local n = 0
for i = 1, #sent do if tonumber(sent[i]) > now - 60001 then n = i end end
if op == 'take' then
  -- a1: the share of the burst and of the window kept back (for people); all but one at most.
  local share = math.min(a1, 1 - 1 / burst)
  local need = 1 + math.floor(share * burst)
  wait = math.max(0, blocked - now, math.ceil((need - tokens) * 60000 / per_min - 1e-9))
  local over = n + math.min(1 + math.floor(share * per_min), per_min) - per_min
  if over > 0 then
    wait = math.max(wait, tonumber(sent[n - over + 1]) + 60001 - now)
  end
  if wait == 0 then
    tokens = tokens - 1; ok = 1
    redis.call('LPUSH', KEYS[2], now)
    redis.call('LTRIM', KEYS[2], 0, per_min - 1)
    redis.call('PEXPIRE', KEYS[2], 60001)
    table.insert(sent, 1, now)
  end
elseif op == 'refund' then
  tokens = math.min(burst, tokens + 1)
  redis.call('LPOP', KEYS[2])
  table.remove(sent, 1)
elseif op == 'adjust' then
  if a1 >= 0 then tokens = math.min(tokens, a1) end
  if a2 > 0 then blocked = math.max(blocked, now + a2) end
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', now, 'blocked', blocked)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + math.max(0, blocked - now) + 60000)
return {ok, wait, tostring(tokens), now, blocked, sent}
`;

/** Registers this replica and counts those seen within the window. */
const HEARTBEAT_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return redis.call('ZCARD', KEYS[1])
`;

type ScriptReply = [number, number, string, number, number, string[]];

type ScriptedRedis = Redis & {
  sentBudget(key: string, sentKey: string, ...args: (string | number)[]): Promise<ScriptReply>;
  sentHeartbeat(key: string, id: string, windowMs: number): Promise<number>;
};

export interface RedisBudgetOptions {
  redis: Redis;
  /** Key prefix naming this account's budget, e.g. `sent:gw:<key hash>:`. */
  prefix: string;
  shape: BucketShape;
  clock: Clock;
  replicaId: string;
  log: (line: string) => void;
  heartbeatMs?: number;
  /** A replica not heard from for this long no longer counts (3 heartbeats by default). */
  replicaWindowMs?: number;
}

export interface RedisBudget extends Budget {
  /** One heartbeat now (also how a replica rejoins); resolves to whether Redis answered. */
  heartbeat(): Promise<boolean>;
}

export function createRedisBudget(o: RedisBudgetOptions): RedisBudget {
  const redis = o.redis as ScriptedRedis;
  // Redefining is harmless; ioredis runs them by SHA and reloads them after a Redis restart.
  redis.defineCommand('sentBudget', { numberOfKeys: 2, lua: BUDGET_LUA });
  redis.defineCommand('sentHeartbeat', { numberOfKeys: 1, lua: HEARTBEAT_LUA });
  const heartbeatMs = o.heartbeatMs ?? 2_000;
  const replicaWindowMs = o.replicaWindowMs ?? heartbeatMs * 3;
  const bucketKey = `${o.prefix}budget`;
  const sentKey = `${o.prefix}sent`;
  const replicasKey = `${o.prefix}replicas`;
  /** Our picture of the shared bucket, as of the last script reply. */
  const shared = new LocalBucket(o.shape, o.clock);
  /** The local budget while Redis is unreachable, else null. */
  let fallback: LocalBucket | null = null;
  let replicas = 1;
  let closed = false;

  function goLocal(err: unknown): void {
    if (fallback) return;
    const shape = {
      perMinute: Math.max(1, Math.floor(o.shape.perMinute / replicas)),
      burst: Math.max(1, Math.floor(o.shape.burst / replicas)),
    };
    fallback = new LocalBucket(shape, o.clock);
    o.log(
      `team budget: Redis unreachable (${err instanceof Error ? err.message : String(err)}); spending a local ` +
        `budget of ${shape.perMinute}/min (the share divided by ${replicas} replicas) until it is back`,
    );
  }

  async function run(op: string, a1 = 0, a2 = 0): Promise<ScriptReply | null> {
    if (fallback) return null;
    try {
      const reply = await redis.sentBudget(bucketKey, sentKey, o.shape.perMinute, o.shape.burst, op, a1, a2);
      const [, , tokens, redisNow, blocked, sent] = reply;
      const now = o.clock.now();
      // Redis's times on our clock; the window's send times oldest first, as bucket.ts keeps them.
      shared.state = {
        tokens: Number(tokens),
        updatedMs: now,
        blockedUntilMs: blocked ? now + blocked - redisNow : 0,
        sent: sent.map((t) => now + Number(t) - redisNow).reverse(),
      };
      return reply;
    } catch (err) {
      goLocal(err);
      return null;
    }
  }

  async function heartbeat(): Promise<boolean> {
    try {
      replicas = Math.max(1, await redis.sentHeartbeat(replicasKey, o.replicaId, replicaWindowMs));
      if (fallback) {
        fallback = null;
        await run('refund', 0); // a no-op that refreshes our picture of the shared bucket
        o.log(`team budget: Redis reachable; sharing the budget with ${replicas} replica(s)`);
      }
      return true;
    } catch (err) {
      goLocal(err);
      return false;
    }
  }

  let timer: unknown = null;
  const beat = () => {
    timer = o.clock.setTimeout(async () => {
      await heartbeat();
      if (!closed) beat();
    }, heartbeatMs);
  };
  beat();
  const onReady = () => void heartbeat();
  redis.on('ready', onReady);

  const local = () => fallback ?? shared;
  return {
    heartbeat,
    async take(share) {
      const r = await run('take', share);
      return r ? { ok: r[0] === 1, waitMs: r[1] } : local().take(share);
    },
    async refund() {
      if (!(await run('refund'))) local().refund();
    },
    async adjust(adj: Adjustment) {
      if (!(await run('adjust', adj.lowerTo ?? -1, adj.blockMs ?? 0))) local().adjust(adj);
    },
    estimateWaitMs: (need, share) => local().estimateWaitMs(need, share),
    view: () => local().view((fallback ? 'local-fallback' : 'redis') satisfies BudgetMode, replicas),
    async close() {
      closed = true;
      o.clock.clearTimeout(timer);
      redis.off('ready', onReady);
      await redis.zrem(replicasKey, o.replicaId).catch(() => {});
    },
  };
}
