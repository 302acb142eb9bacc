// Sessions in Redis, shared by every replica given the same REDIS_URL: a key per session (JSON, expiring
// with the session) and a sorted set of ids by expiry for the admins' list. Each replica reads the record on
// every request, so a sign-out (DEL) is seen by all of them on their next request. No offline queue: while
// Redis is away a command fails at once and the request gets 503 (sessions.ts), never a stale answer.
import Redis from 'ioredis';
import { type SessionRecord, type SessionStore, SessionStoreUnavailable } from './store.ts';

export interface RedisSessionStoreOptions {
  url: string;
  /** Keeps consoles that share a Redis apart: sessions of one are unknown to another. */
  prefix: string;
  now?: () => number;
  connectTimeoutMs?: number;
}

export async function createRedisSessionStore(o: RedisSessionStoreOptions): Promise<SessionStore> {
  const now = o.now ?? Date.now;
  const redis = new Redis(o.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
  });
  redis.on('error', () => {}); // a request that needs Redis says so (503); no log line per retry
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, o.connectTimeoutMs ?? 2_000);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const key = (id: string) => `${o.prefix}s:${id}`;
  const index = `${o.prefix}index`;
  const parse = (raw: string | null) => (raw ? (JSON.parse(raw) as SessionRecord) : null);

  const store: SessionStore = {
    async put(id, record, ttlMs, onlyIfPresent = false) {
      const ms = Math.max(1, Math.ceil(ttlMs));
      const value = JSON.stringify(record);
      const set = onlyIfPresent
        ? await redis.set(key(id), value, 'PX', ms, 'XX')
        : await redis.set(key(id), value, 'PX', ms);
      if (set !== 'OK') return false;
      await redis.zadd(index, now() + ms, id);
      return true;
    },
    get: async (id) => parse(await redis.get(key(id))),
    async delete(ids) {
      if (ids.length === 0) return 0;
      const [[, removed]] = (await redis
        .multi()
        .del(...ids.map(key))
        .zrem(index, ...ids)
        .exec()) as [[Error | null, number]];
      return removed;
    },
    async list() {
      await redis.zremrangebyscore(index, '-inf', now());
      const ids = await redis.zrange(index, 0, -1);
      if (ids.length === 0) return [];
      const values = await redis.mget(...ids.map(key));
      return ids.flatMap((id, i) => {
        const record = parse(values[i] ?? null);
        return record ? [{ id, record }] : [];
      });
    },
    async claim(name, ttlMs) {
      return (await redis.set(`${o.prefix}claim:${name}`, '1', 'PX', Math.ceil(ttlMs), 'NX')) === 'OK';
    },
    async close() {
      redis.disconnect();
    },
  };
  // Every command failure (no connection, timeout) is one kind of error for the gateway (sessions/open.ts).
  const guarded = Object.entries(store).map(([name, fn]) => [
    name,
    async (...args: unknown[]) => {
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (err) {
        throw new SessionStoreUnavailable(err instanceof Error ? err.message : String(err));
      }
    },
  ]);
  return Object.fromEntries(guarded) as unknown as SessionStore;
}
