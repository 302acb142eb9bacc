// The shared response cache with single-flight: identical GETs are answered once upstream. Callers in this
// process join the fetch in flight; callers on other replicas wait for its fill lock (cache-store.ts) and
// then read the stored answer, re-taking the lock only if it was released without one. Only 2xx answers
// are stored; a fetch keeps going while any caller still waits for it, and stops when all have left.
//
// Why not BentoCache (evaluated for issue 19; multi-tier, bus invalidation, stampede protection): its
// single-flight holds within one process, while here N replicas asking for one page must spend one token of
// the shared budget, not N (the fill lock and its published release). An edit must also win over fetches
// still in flight (tag generations taken when a fetch begins, cache-store.ts), where its bus drops stored
// entries only. Each call's outcome (hit, miss, shared, bypass) is part of the answer (x-cache, metrics);
// a joiner of someone's background fetch that the budget set aside asks again as a person; invalidations made
// while Redis is away are replayed before the shared cache is read again; and tests drive time on an
// injected clock. Those are most of these files; BentoCache would add its own layers (and a bus package)
// underneath them rather than replace them.

import type { CachePolicy } from './cache-policy.ts';
import type { CachedResponse, CacheStore } from './cache-store.ts';

export type CacheOutcome = 'hit' | 'miss' | 'shared';

export interface CacheAnswer {
  value: CachedResponse;
  outcome: CacheOutcome;
}

export interface ResponseCache {
  /** The cached answer, the one being fetched, or `load`'s (run once for everyone asking now). */
  through(
    key: string,
    policy: CachePolicy,
    load: (signal: AbortSignal) => Promise<CachedResponse>,
    signal?: AbortSignal,
  ): Promise<CacheAnswer>;
  invalidate(tags: readonly string[]): Promise<void>;
}

/**
 * How long another replica's fetch is waited for: the default budget wait bound plus a slow answer. A fetch
 * that takes longer only costs a second fetch; a replica that dies mid-fetch delays the others this long.
 */
export const FILL_LOCK_MS = 12_000;

interface Flight {
  answer: Promise<CacheAnswer>;
  controller: AbortController;
  callers: number;
}

const cacheable = (v: CachedResponse) => v.status >= 200 && v.status < 300;

function untilAborted<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function createResponseCache(store: CacheStore): ResponseCache {
  const flights = new Map<string, Flight>();
  const forget = (key: string, f: Flight | undefined) => flights.get(key) === f && flights.delete(key);

  async function fill(
    key: string,
    policy: CachePolicy,
    load: (signal: AbortSignal) => Promise<CachedResponse>,
    signal: AbortSignal,
  ): Promise<CacheAnswer> {
    for (let waited = false; ; waited = true) {
      const stored = await store.get(key, policy.tags);
      if (stored) return { value: stored, outcome: waited ? 'shared' : 'hit' };
      signal.throwIfAborted();
      const generation = await store.generation(policy.tags);
      if (await store.lock(key, FILL_LOCK_MS)) {
        try {
          const value = await load(signal);
          if (generation !== null && cacheable(value)) {
            await store.put(key, value, policy.ttlMs, policy.tags, generation);
          }
          return { value, outcome: 'miss' };
        } finally {
          await store.unlock(key);
        }
      }
      await store.waitUnlock(key, FILL_LOCK_MS, signal);
    }
  }

  return {
    async through(key, policy, load, signal) {
      let flight = flights.get(key);
      const joined = flight !== undefined;
      if (!flight) {
        const controller = new AbortController();
        const answer = fill(key, policy, load, controller.signal).finally(() => forget(key, flight));
        flight = { answer, controller, callers: 0 };
        flights.set(key, flight);
      }
      const f = flight;
      f.callers++;
      try {
        const answer = await untilAborted(f.answer, signal);
        return joined && answer.outcome === 'miss' ? { ...answer, outcome: 'shared' } : answer;
      } finally {
        // The last caller to leave stops the fetch (and frees its place in the budget queue).
        if (--f.callers === 0 && signal?.aborted) {
          forget(key, f);
          f.controller.abort(signal.reason);
        }
      }
    },
    invalidate: (tags) => store.invalidate(tags),
  };
}
