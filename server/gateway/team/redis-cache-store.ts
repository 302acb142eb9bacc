// Cached API answers in Redis, shared by every replica. A look-up is one script (entry + its tags'
// generations); invalidation bumps generations, so no replica serves an entry fetched before an edit. The
// fill lock is SET NX PX; its release is published so waiters on other replicas look again at once.
// Redis being unreachable only ever means a miss: nothing here throws, and invalidations made meanwhile are
// replayed when it is back.
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { Clock } from '../../clock.ts';
import { type CachedResponse, type CacheStore, waitForEvent } from './cache-store.ts';

/** Generations outlive any entry; one that expired reads as changed, which only costs a miss. */
const GENERATION_TTL_MS = 3_600_000;

const GENERATION_OF = `
local function generation(from)
  local g = {}
  for i = from, #KEYS do g[#g + 1] = redis.call('GET', KEYS[i]) or '0' end
  return table.concat(g, ',')
end
`;

/** KEYS: entry, tag generations… → the value, or nil when absent or invalidated. */
const GET_LUA = `${GENERATION_OF}
local e = redis.call('HMGET', KEYS[1], 'v', 'g')
if not e[1] then return nil end
if e[2] ~= generation(2) then redis.call('DEL', KEYS[1]); return nil end
return e[1]
`;

/** KEYS: entry, tag generations…; ARGV: value, ttl, generation at fetch start. */
const PUT_LUA = `${GENERATION_OF}
if generation(2) ~= ARGV[3] then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[1], 'g', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;

/** KEYS: lock; ARGV: owner, channel, key. Releases only our own lock (it may have expired and been re-taken). */
const UNLOCK_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('PUBLISH', ARGV[2], ARGV[3])
return 1
`;

type ScriptedRedis = Redis & {
  sentCacheGet(n: number, ...keys: string[]): Promise<string | null>;
  sentCachePut(n: number, ...keysAndArgs: (string | number)[]): Promise<number>;
  sentCacheUnlock(lock: string, owner: string, channel: string, key: string): Promise<number>;
};

function encode(v: CachedResponse): string {
  return JSON.stringify({ s: v.status, h: v.headers, b: Buffer.from(v.body).toString('base64') });
}

function decode(raw: string): CachedResponse {
  const o = JSON.parse(raw) as { s: number; h: [string, string][]; b: string };
  return { status: o.s, headers: o.h, body: new Uint8Array(Buffer.from(o.b, 'base64')) };
}

export interface RedisCacheStoreOptions {
  redis: Redis;
  /** A second connection for pub/sub (a subscribed connection can do nothing else). */
  subscriber: Redis;
  prefix: string;
  clock: Clock;
  replicaId: string;
}

export function createRedisCacheStore(o: RedisCacheStoreOptions): CacheStore {
  const redis = o.redis as ScriptedRedis;
  // Redefining is harmless; ioredis runs them by SHA and reloads them after a Redis restart.
  redis.defineCommand('sentCacheGet', { lua: GET_LUA });
  redis.defineCommand('sentCachePut', { lua: PUT_LUA });
  redis.defineCommand('sentCacheUnlock', { numberOfKeys: 1, lua: UNLOCK_LUA });
  const entryKey = (k: string) => `${o.prefix}c:${k}`;
  const lockKey = (k: string) => `${o.prefix}l:${k}`;
  const genKeys = (tags: readonly string[]) => tags.map((t) => `${o.prefix}g:${t}`);
  const channel = `${o.prefix}unlocked`;
  const unlocked = new EventEmitter().setMaxListeners(0);
  const pending = new Set<string>(); // invalidations Redis has not seen yet
  const onMessage = (ch: string, key: string) => ch === channel && unlocked.emit(key);
  o.subscriber.on('message', onMessage);
  // We subscribe again on every reconnect ourselves: ioredis's own resubscription leaves its promise without a
  // handler, so a connection that closes during it (Redis flapping, or shutdown) is an unhandled rejection,
  // which ends a Node process.
  o.subscriber.options.autoResubscribe = false;
  const subscribe = () => void o.subscriber.subscribe(channel).catch(() => {});
  o.subscriber.on('ready', subscribe);
  subscribe();

  async function invalidate(tags: readonly string[]): Promise<void> {
    try {
      const multi = redis.multi();
      for (const k of genKeys(tags)) multi.incr(k).pexpire(k, GENERATION_TTL_MS);
      await multi.exec();
    } catch {
      for (const t of tags) pending.add(t);
    }
  }
  const replay = () => {
    if (pending.size === 0) return;
    const tags = [...pending];
    pending.clear();
    void invalidate(tags);
  };
  redis.on('ready', replay);

  return {
    async get(key, tags) {
      try {
        // Until invalidations made while Redis was away are replayed, its entries may be stale.
        if (pending.size > 0) return null;
        const keys = [entryKey(key), ...genKeys(tags)];
        const raw = await redis.sentCacheGet(keys.length, ...keys);
        return raw ? decode(raw) : null;
      } catch {
        return null;
      }
    },
    async generation(tags) {
      try {
        const values = tags.length ? await redis.mget(...genKeys(tags)) : [];
        return values.map((v) => v ?? '0').join(',');
      } catch {
        return null;
      }
    },
    async put(key, value, ttlMs, tags, generation) {
      const keys = [entryKey(key), ...genKeys(tags)];
      await redis.sentCachePut(keys.length, ...keys, encode(value), ttlMs, generation).catch(() => {});
    },
    invalidate,
    async lock(key, ttlMs) {
      try {
        return (await redis.set(lockKey(key), o.replicaId, 'PX', ttlMs, 'NX')) === 'OK';
      } catch {
        return true; // without Redis, this replica fetches for itself
      }
    },
    async unlock(key) {
      try {
        await redis.sentCacheUnlock(lockKey(key), o.replicaId, channel, key);
      } catch {}
    },
    waitUnlock: (key, maxMs, signal) =>
      waitForEvent(
        unlocked,
        key,
        maxMs,
        o.clock,
        async () => (await redis.exists(lockKey(key))) === 1,
        signal,
      ),
    async close() {
      redis.off('ready', replay);
      o.subscriber.off('message', onMessage);
      o.subscriber.off('ready', subscribe);
    },
  };
}
