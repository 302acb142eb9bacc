// Where cached API answers live: this process (memory) or Redis (redis-cache-store.ts). Entries carry the
// generation of their tags when their fetch began; invalidating a tag bumps its generation, so an entry, or
// a fetch still in flight during an edit, is never served afterwards.
import { EventEmitter } from 'node:events';
import { LRUCache } from 'lru-cache';
import type { Clock } from '../../clock.ts';

export interface CachedResponse {
  status: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
}

export interface CacheStore {
  /** The entry, unless one of `tags` (the request's, see cache-policy.ts) was invalidated since it was fetched. */
  get(key: string, tags: readonly string[]): Promise<CachedResponse | null>;
  /** Opaque generation of `tags` now; null when unknown (then put() stores nothing). */
  generation(tags: readonly string[]): Promise<string | null>;
  /** Stores unless a tag was invalidated since `generation` was read. */
  put(
    key: string,
    value: CachedResponse,
    ttlMs: number,
    tags: readonly string[],
    generation: string,
  ): Promise<void>;
  invalidate(tags: readonly string[]): Promise<void>;
  /** Takes the fill lock for `key` (single-flight across replicas); false when someone else holds it. */
  lock(key: string, ttlMs: number): Promise<boolean>;
  /** Releases the lock and wakes those waiting for it. */
  unlock(key: string): Promise<void>;
  /** Resolves when the lock is released, after `maxMs`, or when `signal` aborts. */
  waitUnlock(key: string, maxMs: number, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/**
 * Waits for `event` on `emitter`, at most `maxMs`, or until `signal` aborts; never rejects. `stillWaiting`
 * runs once the listener is in place, so an event that fired just before is not waited for in vain.
 */
export function waitForEvent(
  emitter: EventEmitter,
  event: string,
  maxMs: number,
  clock: Clock,
  stillWaiting: () => Promise<boolean>,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clock.clearTimeout(timer);
      emitter.off(event, done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = clock.setTimeout(done, maxMs);
    emitter.on(event, done);
    signal?.addEventListener('abort', done, { once: true });
    stillWaiting().then((waiting) => waiting || done(), done);
  });
}

interface Entry {
  value: CachedResponse;
  generation: string;
}

export function createMemoryCacheStore(clock: Clock, maxBytes = 64 * 1024 * 1024): CacheStore {
  const entries = new LRUCache<string, Entry>({
    maxSize: maxBytes,
    sizeCalculation: (e) => e.value.body.byteLength + 256,
    ttlResolution: 0, // read the (injectable) clock on every look-up
    perf: { now: () => clock.now() },
  });
  const generations = new Map<string, number>();
  const locks = new Map<string, number>();
  const unlocked = new EventEmitter().setMaxListeners(0);
  const generationOf = (tags: readonly string[]) => tags.map((t) => generations.get(t) ?? 0).join(',');
  const held = (key: string) => (locks.get(key) ?? 0) > clock.now();

  return {
    async get(key, tags) {
      const e = entries.get(key);
      if (!e) return null;
      if (e.generation === generationOf(tags)) return e.value;
      entries.delete(key);
      return null;
    },
    generation: async (tags) => generationOf(tags),
    async put(key, value, ttlMs, tags, generation) {
      if (generation === generationOf(tags)) entries.set(key, { value, generation }, { ttl: ttlMs });
    },
    async invalidate(tags) {
      for (const t of tags) generations.set(t, (generations.get(t) ?? 0) + 1);
    },
    async lock(key, ttlMs) {
      if (held(key)) return false;
      locks.set(key, clock.now() + ttlMs);
      return true;
    },
    async unlock(key) {
      locks.delete(key);
      unlocked.emit(key);
    },
    waitUnlock: (key, maxMs, signal) =>
      waitForEvent(unlocked, key, maxMs, clock, async () => held(key), signal),
    close: async () => entries.clear(),
  };
}
