// Distinct contacts each person read in the last hour (a rolling window), for the limit on reading in bulk
// (limit-reads.ts). In this process by default (lru-cache bounds how many people are tracked); shared by every
// replica through Redis when REDIS_URL is set (redis-counter.ts). Exact, not an estimate: a person near the limit
// must get a definite answer.
import { LRUCache } from 'lru-cache';
import type { Clock } from '../../clock.ts';

export const READ_WINDOW_MS = 60 * 60 * 1000;

export interface ReadAdmission {
  /** The answer may go out: its new contacts were counted. */
  ok: boolean;
  /** Distinct contacts read in the window (before this answer when refused). */
  count: number;
  /** The first refusal of this person in the window: the one worth an audit entry. */
  first: boolean;
  /** Refused: until the oldest read leaves the window. */
  retryAfterMs: number;
}

export interface ReadCounter {
  /** Counts `ids` as read by `who` unless that takes the window past `limit` (then nothing is counted). */
  admit(who: string, ids: readonly string[], limit: number): Promise<ReadAdmission>;
  close(): Promise<void>;
}

interface Reader {
  /** Contact id → when last read; kept in that order (a re-read moves to the end). */
  seen: Map<string, number>;
  refusedAt: number;
}

/** `maxPeople`: the most people tracked at once (the least recently active are forgotten past it). */
export function createMemoryReadCounter(clock: Pick<Clock, 'now'>, maxPeople = 10_000): ReadCounter {
  const people = new LRUCache<string, Reader>({ max: maxPeople, ttl: READ_WINDOW_MS });
  return {
    async admit(who, ids, limit) {
      const now = clock.now();
      const reader = people.get(who) ?? { seen: new Map(), refusedAt: Number.NEGATIVE_INFINITY };
      people.set(who, reader);
      for (const [id, at] of reader.seen) {
        if (at > now - READ_WINDOW_MS) break;
        reader.seen.delete(id);
      }
      const unique = [...new Set(ids)];
      const fresh = unique.filter((id) => !reader.seen.has(id)).length;
      if (reader.seen.size + fresh > limit) {
        const first = reader.refusedAt <= now - READ_WINDOW_MS;
        if (first) reader.refusedAt = now;
        const oldest = reader.seen.values().next().value ?? now;
        return { ok: false, count: reader.seen.size, first, retryAfterMs: oldest + READ_WINDOW_MS - now };
      }
      for (const id of unique) {
        reader.seen.delete(id);
        reader.seen.set(id, now);
      }
      return { ok: true, count: reader.seen.size, first: false, retryAfterMs: 0 };
    },
    close: async () => {},
  };
}
