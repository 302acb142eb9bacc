// Idempotency-Key answers kept in the API's own database, as Sent keeps them for 24 h on its side: a gateway
// (or this API) restarted between a request and its retry still gets the first answer back, so an import
// resumed after a crash counts a contact it created as created, not as "already existed".
import type { Db } from './schema.ts';

export interface StoredAnswer {
  /** Hash of method, path and body: what the key was first used for. */
  request: string;
  status: number;
  body: string;
}

const TTL_MS = 24 * 60 * 60 * 1000;
/** Expired keys are deleted now and then, not on every write. */
const PURGE_EVERY = 500;

export class IdempotencyStore {
  private readonly select;
  private readonly insert;
  private readonly purge;
  private writes = 0;

  constructor(
    db: Db,
    private readonly now: () => number = Date.now,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      key TEXT PRIMARY KEY, request TEXT NOT NULL, status INTEGER NOT NULL, body TEXT NOT NULL,
      created_at INTEGER NOT NULL)`);
    this.select = db.prepare<[string, number], StoredAnswer>(
      'SELECT request, status, body FROM idempotency_keys WHERE key = ? AND created_at > ?',
    );
    this.insert = db.prepare<[string, string, number, string, number]>(
      'INSERT OR REPLACE INTO idempotency_keys (key, request, status, body, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.purge = db.prepare<[number]>('DELETE FROM idempotency_keys WHERE created_at <= ?');
  }

  get(key: string): StoredAnswer | undefined {
    return this.select.get(key, this.now() - TTL_MS);
  }

  set(key: string, answer: StoredAnswer): void {
    this.insert.run(key, answer.request, answer.status, answer.body, this.now());
    if (++this.writes % PURGE_EVERY === 0) this.purge.run(this.now() - TTL_MS);
  }
}
