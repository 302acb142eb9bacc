// The read counter shared by every replica (counter.ts): per person a sorted set of contact ids scored by when
// they were last read, pruned to the window and checked in one Lua script, so two replicas cannot both let the
// same person past the limit. If Redis cannot be reached the replica counts in its own process (says so once)
// and goes back to Redis with the next call that gets through; no request waits for Redis.
import type { Redis } from 'ioredis';
import type { Clock } from '../../clock.ts';
import { createMemoryReadCounter, READ_WINDOW_MS, type ReadCounter } from './counter.ts';

// KEYS[1]: the person's reads, KEYS[2]: their refusal mark. ARGV: now, window, limit, ids… (Redis ≥ 6.2: ZMSCORE)
const ADMIT_LUA = `
local now, window, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local ids = {unpack(ARGV, 4)}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
local fresh = 0
for _, score in ipairs(redis.call('ZMSCORE', KEYS[1], unpack(ids))) do
  if not score then fresh = fresh + 1 end
end
if count + fresh > limit then
  local first = redis.call('SET', KEYS[2], '1', 'PX', window, 'NX')
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, count, first and 1 or 0, tonumber(oldest[2] or now) + window - now}
end
local members = {}
for i, id in ipairs(ids) do members[2 * i - 1] = now; members[2 * i] = id end
redis.call('ZADD', KEYS[1], unpack(members))
redis.call('PEXPIRE', KEYS[1], window)
return {1, count + fresh, 0, 0}
`;

type ScriptedRedis = Redis & {
  sentReads(
    key: string,
    flag: string,
    ...args: (string | number)[]
  ): Promise<[number, number, number, number]>;
};

export interface RedisReadCounterOptions {
  redis: Redis;
  /** Key prefix naming this account, e.g. `sent:gw:<key hash>:` (as the team's budget and cache). */
  prefix: string;
  clock: Pick<Clock, 'now'>;
  log: (line: string) => void;
}

export function createRedisReadCounter(o: RedisReadCounterOptions): ReadCounter {
  const redis = o.redis as ScriptedRedis;
  redis.defineCommand('sentReads', { numberOfKeys: 2, lua: ADMIT_LUA });
  // Made on the first failure only (a counter preallocates room for the people it tracks).
  let local: ReadCounter | null = null;
  let warned = false;
  return {
    async admit(who, ids, limit) {
      const unique = [...new Set(ids)];
      try {
        const key = `${o.prefix}reads:${who}`;
        const [ok, count, first, retryAfterMs] = await redis.sentReads(
          key,
          `${key}:refused`,
          o.clock.now(),
          READ_WINDOW_MS,
          limit,
          ...unique,
        );
        warned = false;
        return { ok: ok === 1, count, first: first === 1, retryAfterMs };
      } catch (error) {
        if (!warned)
          o.log(`reads: Redis unreachable, counting in this process (${(error as Error).message})`);
        warned = true;
        local ??= createMemoryReadCounter(o.clock);
        return local.admit(who, unique, limit);
      }
    },
    close: async () => local?.close(),
  };
}
