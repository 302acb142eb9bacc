// Server-side sessions for both sign-in methods (the access secret and OpenID Connect). The browser holds a
// random handle (256 bits) and nothing else; the record lives in the store (store.ts) under the handle's
// SHA-256, which is also the session's public id (the admins' list, audit entries). Signing out deletes the
// record, so the old cookie means nothing anywhere. Idle and absolute expiry are checked on every read
// against the injected clock; activity is written back at most once a minute.
import { createHash, randomBytes } from 'node:crypto';
import type { SessionRecord, SessionStore } from './store.ts';

/** Last activity is written back at most this often, so a busy page does not write per request. */
export const SEEN_GRANULARITY_MS = 60_000;

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export type SessionState =
  | { status: 'valid'; id: string; record: SessionRecord }
  | { status: 'expired'; reason: 'idle' | 'absolute' }
  | { status: 'invalid' };

export interface SessionsOptions extends SessionPolicy {
  store: SessionStore;
  now?: () => number;
}

/** An expired record is kept this much longer, so the person is told why they must sign in again. */
const TELL_WHY_MS = 60 * 60_000;

/** A cookie value we could have issued: 43 base64url characters (also keeps junk away from the store). */
const HANDLE = /^[A-Za-z0-9_-]{43}$/;

export const sessionIdOf = (handle: string) => createHash('sha256').update(handle).digest('base64url');

export type NewSession = Omit<SessionRecord, 'started' | 'seen' | 'checked'>;

export function createSessions(opts: SessionsOptions) {
  const { store, idleMs, absoluteMs } = opts;
  const now = opts.now ?? Date.now;
  /** How long the store keeps a record: until it would expire idle or absolutely (first), and a while to say so. */
  const ttl = (r: SessionRecord) => Math.min(r.seen + idleMs, r.started + absoluteMs) - now() + TELL_WHY_MS;

  return {
    idleMs,
    absoluteMs,
    now,
    /** A new session; the handle goes into the cookie and nowhere else. */
    async open(fields: NewSession): Promise<{ handle: string; id: string; record: SessionRecord }> {
      const handle = randomBytes(32).toString('base64url');
      const t = now();
      const record: SessionRecord = { ...fields, started: t, seen: t, checked: t };
      const id = sessionIdOf(handle);
      await store.put(id, record, ttl(record));
      return { handle, id, record };
    },

    /** The session a cookie names, its activity moved on. Throws when the store cannot be reached. */
    async read(handle: string | undefined): Promise<SessionState> {
      if (!handle || !HANDLE.test(handle)) return { status: 'invalid' };
      const id = sessionIdOf(handle);
      const record = await store.get(id);
      if (!record) return { status: 'invalid' };
      const t = now();
      const expired =
        t - record.started >= absoluteMs ? 'absolute' : t - record.seen >= idleMs ? 'idle' : null;
      if (expired) {
        await store.delete([id]);
        return { status: 'expired', reason: expired };
      }
      if (t - record.seen >= SEEN_GRANULARITY_MS) {
        record.seen = t;
        await store.put(id, record, ttl(record), true);
      }
      return { status: 'valid', id, record };
    },

    /** Writes a changed record back (a provider check); false when the session ended meanwhile. */
    save: (id: string, record: SessionRecord) => store.put(id, record, ttl(record), true),

    /** Ends sessions by id, at once for every replica sharing the store. */
    end: (...ids: string[]) => store.delete(ids),

    /** Every live session, oldest sign-in first. */
    async list() {
      const t = now();
      const all = await store.list();
      return all
        .filter(({ record: r }) => t - r.started < absoluteMs && t - r.seen < idleMs)
        .sort((a, b) => a.record.started - b.record.started);
    },

    claim: (name: string, ttlMs: number) => store.claim(name, ttlMs),
  };
}

export type Sessions = ReturnType<typeof createSessions>;
