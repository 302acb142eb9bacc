// A trail written by the previous schema (SQLite file; unpartitioned PostgreSQL table) is migrated in place
// when the new store opens it: the same entries, still verifiable, the people directory filled in, new
// entries chained after the old head, PostgreSQL's rows moved into monthly partitions.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePg, migrateSqlite } from '../migrations.ts';
import { alice, PHONE_KEY, sampleRecord, tempDir } from '../testing/audit-stores.ts';
import { type PostgresServer, startPostgres, testPool } from '../testing/postgres-server.ts';
import { runVerify } from './cli-verify.ts';
import { canonicalJson, chainEntry, ENTRY_COLUMNS, GENESIS_HASH, type StoredEntry } from './entry.ts';
import { PG_MIGRATIONS } from './pg-migrations.ts';
import { PgAuditStore } from './pg-store.ts';
import { AuditRecorder } from './recorder.ts';
import { SQLITE_MIGRATIONS } from './sqlite-schema.ts';
import { SqliteAuditStore } from './sqlite-store.ts';

const temp = tempDir();
afterAll(() => temp.remove());
const bob = { id: 'u-bob', name: 'Bob Builder', role: 'viewer', groups: [] };
const oldRecorder = (at: string) =>
  new AuditRecorder({ store: {} as never, phoneKey: PHONE_KEY, now: () => new Date(at) });

/** Edits (details {before, after}: stored by the old code in that order, not sorted) in February and March. */
function oldEntries(): StoredEntry[] {
  let prev = { seq: 0, hash: GENESIS_HASH };
  return ['2025-02-27T10:00:00.000Z', '2025-02-28T10:00:00.000Z', '2025-03-01T10:00:00.000Z'].map((at, i) => {
    const content = oldRecorder(at).content({ ...sampleRecord('contact.edit', i), actor: i ? alice : bob });
    const entry = chainEntry(prev.hash, prev.seq + 1, content);
    prev = entry;
    return entry;
  });
}
const env = (store: Record<string, string>) => ({
  ...store,
  AUDIT_ANCHOR_FILE: join(temp.dir, `none-${Math.random()}.jsonl`),
  AUDIT_VERIFY_STATE: join(temp.dir, `v-${Math.random()}.json`),
});

async function checkMigrated(store: SqliteAuditStore | PgAuditStore, settings: Record<string, string>) {
  expect((await store.query({}, { pageSize: 10 })).entries.map((e) => e.seq)).toEqual([3, 2, 1]);
  expect((await store.query({ actor: 'u-bob' }, { pageSize: 10 })).entries[0]?.details).toEqual({
    before: { opt_out: false },
    after: { opt_out: true },
  });
  expect((await store.people('', 10)).map((p) => p.id)).toEqual(['u-alice', 'u-bob']);
  expect((await runVerify(env(settings))).code).toBe(0);
  const recorder = new AuditRecorder({
    store,
    phoneKey: PHONE_KEY,
    now: () => new Date('2025-03-02T10:00:00.000Z'),
  });
  expect((await recorder.record(sampleRecord('lookup'))).seq).toBe(4);
  expect(await runVerify(env(settings))).toMatchObject({
    code: 0,
    message: expect.stringContaining(': 4 entries, newest #4'),
  });
}

describe('migrating a trail of the previous schema', () => {
  it('SQLite: the file keeps its rows (JSON as the old code wrote it) and still verifies', async () => {
    const path = join(temp.dir, 'old.sqlite');
    const db = new Database(path);
    migrateSqlite(db, SQLITE_MIGRATIONS.slice(0, 1));
    const insert = db.prepare(
      `INSERT INTO audit_entries (${ENTRY_COLUMNS.join(', ')}) VALUES (${ENTRY_COLUMNS.map(() => '?').join(', ')})`,
    );
    for (const entry of oldEntries()) {
      insert.run(
        ENTRY_COLUMNS.map((c) =>
          typeof entry[c] === 'object' && entry[c] !== null ? JSON.stringify(entry[c]) : entry[c],
        ),
      );
    }
    expect(db.prepare('SELECT details FROM audit_entries WHERE seq = 1').get()).toEqual({
      details: '{"before":{"opt_out":false},"after":{"opt_out":true}}',
    });
    db.close();
    const store = new SqliteAuditStore(path);
    try {
      await checkMigrated(store, { AUDIT_DB: path });
    } finally {
      await store.close();
    }
  });

  describe('PostgreSQL', () => {
    let server: PostgresServer;
    beforeAll(async () => {
      server = await startPostgres();
    });
    afterAll(() => server.stop());

    it('moves the rows into monthly partitions; the chain, appends and verification go on', async () => {
      const admin = testPool({ connectionString: server.url });
      await migratePg(admin, { table: 'audit_migrations', lock: 1, migrations: PG_MIGRATIONS.slice(0, 1) });
      for (const entry of oldEntries()) {
        const { seq: _s, prev_hash: _p, hash: _h, ...content } = entry;
        await admin.query('SELECT audit_append($1)', [canonicalJson(content)]);
      }
      const store = await PgAuditStore.open(server.url);
      try {
        const { rows } = await admin.query(
          "SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_entries'::regclass",
        );
        expect(rows.map((r) => r.name)).toEqual(
          expect.arrayContaining(['audit_entries_2025_02', 'audit_entries_2025_03']),
        );
        expect((await admin.query('SELECT count(*)::int AS n FROM audit_entries_2025_02')).rows[0].n).toBe(2);
        await checkMigrated(store, { DATABASE_URL: server.url });
      } finally {
        await store.close();
        await admin.end();
      }
    });
  });
});
