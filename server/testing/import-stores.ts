// Shared by the import tests: the two store engines behind one interface (SQLite in a temp dir, a real
// PostgreSQL 15 started for the file with a database per test), and sample jobs and rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { PgImportStore } from '../imports/pg-store.ts';
import { SqliteImportStore } from '../imports/sqlite-store.ts';
import type { ImportStore, NewJob, NewRow } from '../imports/store.ts';
import { type PostgresServer, startPostgres } from './postgres-server.ts';

export interface StoreBackend {
  name: 'sqlite' | 'postgres';
  setup(): Promise<void>;
  /** A fresh, empty database; `replica()` opens another store on the same one (a second gateway). */
  open(): Promise<{ store: ImportStore; replica(): Promise<ImportStore>; close(): Promise<void> }>;
  teardown(): Promise<void>;
}

let counter = 0;

export function sqliteStores(): StoreBackend {
  const dir = mkdtempSync(join(tmpdir(), 'imports-test-'));
  return {
    name: 'sqlite',
    async setup() {},
    async open() {
      const path = join(dir, `imports-${++counter}.sqlite`);
      const stores: ImportStore[] = [new SqliteImportStore(path)];
      return {
        store: stores[0] as ImportStore,
        replica: async () => stores[stores.push(new SqliteImportStore(path)) - 1] as ImportStore,
        close: async () => void (await Promise.all(stores.map((s) => s.close()))),
      };
    },
    async teardown() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresStores(): StoreBackend {
  let server: PostgresServer | null = null;
  return {
    name: 'postgres',
    async setup() {
      server = await startPostgres();
    },
    async open() {
      const db = `imports_${++counter}`;
      const admin = new pg.Client({ connectionString: server?.url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${db}`).finally(() => admin.end());
      const url = `${server?.url.replace(/\/postgres$/, '')}/${db}`;
      const stores: ImportStore[] = [await PgImportStore.open(url)];
      return {
        store: stores[0] as ImportStore,
        replica: async () => stores[stores.push(await PgImportStore.open(url)) - 1] as ImportStore,
        close: async () => void (await Promise.all(stores.map((s) => s.close()))),
      };
    },
    async teardown() {
      await server?.stop();
    },
  };
}

export const STORE_BACKENDS = [sqliteStores, postgresStores];

/** Registers a per-backend suite's hooks: the engine for the file, a fresh database per test. */
export function storePerTest(backend: StoreBackend) {
  let opened: Awaited<ReturnType<StoreBackend['open']>> | undefined;
  beforeAll(() => backend.setup());
  afterAll(() => backend.teardown());
  beforeEach(async () => {
    opened = await backend.open();
  });
  afterEach(() => opened?.close());
  return {
    store: () => opened?.store as ImportStore,
    replica: () => (opened as NonNullable<typeof opened>).replica(),
  };
}

export const ALICE = { id: 'u-alice', name: 'Alice Admin', role: 'admin', groups: ['admins'] };
export const PROFILE = '5f0c3a4e-1111-4222-8333-944455556666';

export function newJob(id: string, nowMs: number, overrides: Partial<NewJob> = {}): NewJob {
  return {
    id,
    profileId: PROFILE,
    fileName: 'clinic-list.csv',
    fileSha256: 'a'.repeat(64),
    defaultRegion: 'GB',
    actor: ALICE,
    createdBy: ALICE.name,
    clientAddress: '127.0.0.1',
    userAgent: 'vitest',
    columns: [],
    nowMs,
    ...overrides,
  };
}

/** `n` rows to send (+447400000001…), one number a row, rows (and items) numbered from 2 (row 1 is the header). */
export function pendingRows(n: number, first = 2): NewRow[] {
  return Array.from({ length: n }, (_, i) => {
    const phone = `+447400${String(i + 1).padStart(6, '0')}`;
    const row = first + i;
    return {
      item: row,
      row,
      column: null,
      input: phone,
      phone,
      problem: null,
      state: 'pending',
      reason: null,
    };
  });
}
