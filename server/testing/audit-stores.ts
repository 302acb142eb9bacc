// Shared by the audit tests: keys, sample records (one per action), and the two backends behind one
// interface, each with a database admin's raw SQL (triggers off) to play the tamperer.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { ACTIONS, type Action, ENTRY_COLUMNS, type StoredEntry } from '../audit/entry.ts';
import { keyIdOf, type SigningKey } from '../audit/keys.ts';
import { PgAuditStore } from '../audit/pg-store.ts';
import type { RecordInput } from '../audit/recorder.ts';
import { entryParams, insertSql, sqlitePlaceholder } from '../audit/sql.ts';
import { SqliteAuditStore } from '../audit/sqlite-store.ts';
import type { AuditStore } from '../audit/store.ts';
import { type PostgresServer, startPostgres } from './postgres-server.ts';

export function testSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

export const PHONE_KEY = Buffer.from('test-phone-hash-key-0123456789abcdef');
export const PROFILE = '5f0c3a4e-1111-4222-8333-944455556666';
export const CONTACT = '8a1b2c3d-aaaa-4bbb-8ccc-ddddeeeeffff';
export const NUMBER = '+447700900123';

export const alice = { id: 'u-alice', name: 'Alice Admin', role: 'admin', groups: ['support', 'admins'] };

/** A valid record for every action (the per-action required fields filled in). */
export function sampleRecord(action: Action, n = 0): RecordInput {
  const common = {
    actor: alice,
    profileId: PROFILE,
    contactId: CONTACT,
    phone: NUMBER,
    requestId: `req-${action}-${n}`,
    clientAddress: '127.0.0.1',
    userAgent: 'vitest',
  };
  switch (action) {
    case 'lookup':
      return { ...common, action, outcome: 'hit', details: { query: NUMBER } };
    case 'contact.edit':
      return { ...common, action, details: { before: { opt_out: false }, after: { opt_out: true } } };
    case 'contacts.export':
    case 'audit.export':
      return { ...common, action, details: { filters: { search: '415' }, row_count: 42 } };
    default:
      return { ...common, action };
  }
}

export const EVERY_ACTION = ACTIONS;

export interface OpenedTrail {
  store: AuditStore;
  /** Another store instance on the same database: a second replica. */
  replica(): Promise<AuditStore>;
  /** Raw SQL as the database's administrator. */
  sql(sql: string): Promise<void>;
  /** The same with the append-only triggers out of the way. */
  tamper(sql: string): Promise<void>;
  /** Writes already chained entries in one go (a long chain without one append per entry). */
  bulk(entries: StoredEntry[]): Promise<void>;
  /** The settings `audit:verify` needs to find this trail. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  setup(): Promise<void>;
  open(): Promise<OpenedTrail>;
  teardown(): Promise<void>;
}

export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'audit-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

let counter = 0;

export function sqliteBackend(): Backend {
  const temp = tempDir();
  return {
    name: 'sqlite',
    async setup() {},
    async open() {
      const path = join(temp.dir, `trail-${++counter}.sqlite`);
      const stores: AuditStore[] = [new SqliteAuditStore(path)];
      const sql = async (text: string) => {
        const admin = new Database(path);
        try {
          admin.exec(text);
        } finally {
          admin.close();
        }
      };
      return {
        store: stores[0] as AuditStore,
        async replica() {
          stores.push(new SqliteAuditStore(path));
          return stores.at(-1) as AuditStore;
        },
        sql,
        tamper: (text) =>
          sql(`DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete; ${text}`),
        async bulk(entries) {
          const admin = new Database(path);
          const insert = admin.prepare(insertSql(sqlitePlaceholder));
          admin.transaction(() => {
            for (const entry of entries) insert.run(entryParams(entry));
          })();
          admin.close();
        },
        env: { AUDIT_DB: path },
        close: async () => void (await Promise.all(stores.map((s) => s.close()))),
      };
    },
    async teardown() {
      temp.remove();
    },
  };
}

/** A real PostgreSQL 15 for the whole file; each trail gets a database of its own. */
export function postgresBackend(): Backend {
  let server: PostgresServer | null = null;
  const urlOf = (db: string) => `${server?.url.replace(/\/postgres$/, '')}/${db}`;
  const run = async (url: string, sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    name: 'postgres',
    async setup() {
      server = await startPostgres();
    },
    async open() {
      const db = `trail_${++counter}`;
      await run(urlOf('postgres'), `CREATE DATABASE ${db}`);
      const url = urlOf(db);
      const stores: AuditStore[] = [await PgAuditStore.open(url)];
      return {
        store: stores[0] as AuditStore,
        async replica() {
          stores.push(await PgAuditStore.open(url));
          return stores.at(-1) as AuditStore;
        },
        sql: (sql) => run(url, sql),
        tamper: (sql) => run(url, `ALTER TABLE audit_entries DISABLE TRIGGER USER; ${sql}`),
        async bulk(entries) {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          for (const at of new Set(entries.map((e) => e.at.slice(0, 7)))) {
            await client.query('SELECT audit_ensure_partition($1)', [`${at}-01T00:00:00Z`]);
          }
          const params = entries.map(entryParams);
          const types = ENTRY_COLUMNS.map(
            (c, i) => `$${i + 1}::${c === 'seq' ? 'bigint' : c === 'at' ? 'timestamptz' : 'text'}[]`,
          );
          await client.query(
            `INSERT INTO audit_entries SELECT * FROM unnest(${types.join(', ')})`,
            ENTRY_COLUMNS.map((_, i) => params.map((p) => p[i])),
          );
          await client.end();
        },
        env: { DATABASE_URL: url },
        close: async () => void (await Promise.all(stores.map((s) => s.close()))),
      };
    },
    async teardown() {
      await server?.stop();
    },
  };
}

export const BACKENDS = [sqliteBackend, postgresBackend];

/**
 * Registers the hooks of a per-backend suite: the backend for the whole file, a fresh trail per test.
 * Call first in the describe, so the suite's own beforeEach sees the trail.
 */
export function useTrail(backend: Backend): { trail: () => OpenedTrail; dir: string } {
  const temp = tempDir();
  let trail: OpenedTrail | undefined;
  beforeAll(() => backend.setup());
  afterAll(async () => {
    await backend.teardown();
    temp.remove();
  });
  beforeEach(async () => {
    trail = await backend.open();
  });
  afterEach(() => trail?.close());
  return { trail: () => trail as OpenedTrail, dir: temp.dir };
}

/** Drains an async iterable (a store's `iterate`). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
