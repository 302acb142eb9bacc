// Where sign-in sessions live: one record per sign-in, keyed by its id (the SHA-256 of the cookie's random
// handle, so the store never holds a usable cookie). Redis (redis-store.ts) when REDIS_URL is set, so that
// every replica reads the same record and a sign-out ends it everywhere at once; else this process's memory.
import type { Person } from '../identity/person.ts';

/** What the provider gave at sign-in, kept on the server to ask it again (identity/recheck.ts). */
export interface ProviderTokens {
  accessToken: string;
  refreshToken: string | null;
}

export type SessionKind = 'oidc' | 'secret';

export interface SessionRecord {
  kind: SessionKind;
  /** OIDC: who signed in, with the role and profiles their groups gave at the last check. */
  person: Person | null;
  /** ms since the epoch: sign-in (absolute expiry), last activity (idle expiry), last check with the provider. */
  started: number;
  seen: number;
  checked: number;
  tokens: ProviderTokens | null;
  /** Where and with what the sign-in happened, for the admins' list. */
  address: string;
  userAgent: string | null;
}

/** The store cannot be reached (Redis down or slow): no session can be checked, so the request gets 503. */
export class SessionStoreUnavailable extends Error {
  override name = 'SessionStoreUnavailable';
}

export interface SessionStore {
  /** Stores a record for at most `ttlMs`; `onlyIfPresent` never brings back a session ended meanwhile. */
  put(id: string, record: SessionRecord, ttlMs: number, onlyIfPresent?: boolean): Promise<boolean>;
  get(id: string): Promise<SessionRecord | null>;
  /** Ends these sessions; resolves to how many there were. */
  delete(ids: readonly string[]): Promise<number>;
  list(): Promise<Array<{ id: string; record: SessionRecord }>>;
  /** One holder at a time across replicas (a provider check): true if this caller now holds `name`. */
  claim(name: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** This process only: the zero-setup default (a restart signs everyone out, see README.md). */
export function createMemorySessionStore(now: () => number = Date.now): SessionStore {
  const records = new Map<string, { record: SessionRecord; until: number }>();
  const claims = new Map<string, number>();
  const live = (id: string) => {
    const entry = records.get(id);
    if (entry && entry.until <= now()) records.delete(id);
    return entry && entry.until > now() ? entry : undefined;
  };
  return {
    async put(id, record, ttlMs, onlyIfPresent = false) {
      if (onlyIfPresent && !live(id)) return false;
      records.set(id, { record: structuredClone(record), until: now() + ttlMs });
      return true;
    },
    get: async (id) => structuredClone(live(id)?.record ?? null),
    async delete(ids) {
      return ids.filter((id) => live(id) && records.delete(id)).length;
    },
    async list() {
      return [...records.keys()].flatMap((id) => {
        const entry = live(id);
        return entry ? [{ id, record: structuredClone(entry.record) }] : [];
      });
    },
    async claim(name, ttlMs) {
      if ((claims.get(name) ?? 0) > now()) return false;
      claims.set(name, now() + ttlMs);
      return true;
    },
    close: async () => {},
  };
}
