// Schema V1 (one number a row) → V2 (several numbers a row, each with its column) on a store that already
// holds a job at work, on SQLite and a real PostgreSQL 15: its rows keep their number as both item and row
// (so a row still to send carries the idempotency key it always would have), have no column, the job no
// columns, and the store works on (queue, counts trigger, paging).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROW_STATES } from '../../src/shared/imports.ts';
import { migratePg, migrateSqlite } from '../migrations.ts';
import { type PostgresServer, startPostgres, testPool } from '../testing/postgres-server.ts';
import { PgImportStore, V1 } from './pg-store.ts';
import { SCHEMA_V1, SqliteImportStore } from './sqlite-store.ts';
import type { ImportStore } from './store.ts';

/** A running V1 job: row 2 to send, row 5 set aside as invalid. */
const V1_JOB = `
INSERT INTO import_jobs (id, profile_id, file_name, file_sha256, default_region, status, actor, created_by,
  created_at, updated_at, work_since)
  VALUES ('old', NULL, 'old.csv', '${'a'.repeat(64)}', 'GB', 'running', '{"id":"u-alice"}', 'Alice', 1, 1, 1);
INSERT INTO import_rows (job_id, row_no, input, phone, problem, state, reason, due_at) VALUES
  ('old', 2, '+447400000001', '+447400000001', NULL, 'pending', NULL, 0),
  ('old', 5, 'x', NULL, 'invalid', 'invalid', 'not a valid number for GB', NULL);
INSERT INTO import_counts (job_id, state, n) VALUES
  ${ROW_STATES.map((s) => `('old', '${s}', ${s === 'pending' || s === 'invalid' ? 1 : 0})`).join(', ')};
`;

async function expectMigrated(store: ImportStore) {
  const job = await store.get('old');
  expect(job).toMatchObject({ columns: [], counts: { pending: 1, invalid: 1, total: 2 } });
  const [due] = await store.dueRows('old', 'pending', 0, 10, 10);
  expect(due).toMatchObject({ item: 2, row: 2, column: null, phone: '+447400000001' });
  expect(await store.rows('old', ['invalid'], 0, 10)).toMatchObject([{ item: 5, row: 5, column: null }]);
  const done = { reason: null, contactId: 'c-1', attempts: 1, dueAt: null, doneAt: 20 };
  await store.saveRow('old', 2, { ...done, state: 'created' });
  expect((await store.get('old'))?.counts).toMatchObject({ pending: 0, created: 1 });
}

describe('import store schema V1 → V2', () => {
  let postgres: PostgresServer | null = null;
  const dir = mkdtempSync(join(tmpdir(), 'imports-migration-'));
  beforeAll(async () => {
    postgres = await startPostgres();
  });
  afterAll(async () => {
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('on SQLite', async () => {
    const path = join(dir, 'imports.sqlite');
    const old = new Database(path);
    migrateSqlite(old, [SCHEMA_V1]);
    old.exec(V1_JOB);
    old.close();
    const store = new SqliteImportStore(path);
    try {
      await expectMigrated(store);
    } finally {
      await store.close();
    }
  });

  it('on PostgreSQL', async () => {
    const url = postgres?.url ?? '';
    const pool = testPool({ connectionString: url });
    await migratePg(pool, { table: 'import_migrations', lock: 1, migrations: [V1] });
    await pool.query(V1_JOB);
    await pool.end();
    const store = await PgImportStore.open(url);
    try {
      await expectMigrated(store);
    } finally {
      await store.close();
    }
  });
});
