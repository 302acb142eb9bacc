// A SQLite trail's pages and exports are read on a worker's own connection, and retention's warm-up reads
// the pages a step will change: each row's entry in every index, one descent each (no scans).
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import {
  CONTACT,
  collect,
  NUMBER,
  PHONE_KEY,
  PROFILE,
  sampleRecord,
  tempDir,
} from '../testing/audit-stores.ts';
import { AuditRecorder } from './recorder.ts';
import { startSqliteReader } from './sqlite-reader.ts';
import { sqlitePruneWarm } from './sqlite-schema.ts';
import { SqliteAuditStore } from './sqlite-store.ts';

const temp = tempDir();
afterAll(() => temp.remove());

/** `count` entries, some without a profile, a contact or a number (NULLs that an index must still find). */
async function trail(name: string, count: number): Promise<SqliteAuditStore> {
  const store = new SqliteAuditStore(join(temp.dir, name));
  const recorder = new AuditRecorder({ store, phoneKey: PHONE_KEY });
  for (let i = 0; i < count; i++) {
    const { phone, contactId, profileId, ...rest } = sampleRecord('contact.open', i);
    await recorder.record({
      ...rest,
      ...(i % 3 ? { profileId: PROFILE } : {}),
      ...(i % 2 ? { contactId: CONTACT } : {}),
      ...(i % 4 ? { phone: NUMBER } : {}),
    });
  }
  return store;
}

it('reads pages and exports on its own connection: a write the gateway has not committed is not seen', async () => {
  const store = await trail('isolated.sqlite', 3);
  store.db.exec('BEGIN IMMEDIATE');
  store.db.exec('UPDATE audit_prune_gate SET open = 1; DELETE FROM audit_entries WHERE seq = 3');
  // The store's own connection sees its open transaction; reads through the store do not.
  expect(store.db.prepare('SELECT count(*) AS n FROM audit_entries').get()).toEqual({ n: 2 });
  const page = await store.query({ actions: ['contact.open'] }, { pageSize: 50 });
  expect(page.entries.map((e) => e.seq)).toEqual([3, 2, 1]);
  expect(page.total).toBe(3);
  expect((await collect(store.iterate())).map((e) => e.seq)).toEqual([1, 2, 3]);
  store.db.exec('ROLLBACK');
  await store.close();
});

it("rejects with the database's message and code, and never writes", async () => {
  const store = await trail('errors.sqlite', 1);
  const reader = startSqliteReader(join(temp.dir, 'errors.sqlite'));
  await expect(reader.all({ sql: 'SELECT nope FROM audit_entries', params: [] })).rejects.toMatchObject({
    message: expect.stringContaining('no such column: nope'),
    code: 'SQLITE_ERROR',
  });
  await expect(
    reader.all({ sql: 'DELETE FROM audit_people RETURNING actor_id', params: [] }),
  ).rejects.toThrow(/readonly/);
  expect(await reader.all({ sql: 'SELECT count(*) AS n FROM audit_people', params: [] })).toEqual([{ n: 1 }]);
  await reader.stop();
  expect(reader.alive).toBe(false);
  await store.close();
});

it("retention's warm-up finds every row in every index of the trail, each by a search", async () => {
  const store = await trail('warm.sqlite', 30);
  const indexes = store.db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_entries' AND sql IS NOT NULL",
    )
    .all() as { name: string }[];
  expect(indexes.length).toBeGreaterThanOrEqual(10);
  // Rows 5..24, each found once in each index: an index the warm-up leaves out, or a NULL it fails to
  // match, makes the sum smaller.
  const { sql, params } = sqlitePruneWarm(5, 24);
  expect(store.db.prepare(sql).get(params)).toEqual({ n: 20 * indexes.length });
  const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map(
    (step) => step.detail,
  );
  expect(plan.filter((d) => /^SCAN (?!CONSTANT ROW)/.test(d))).toEqual([]);
  for (const { name } of indexes) expect(plan.some((d) => d.includes(`INDEX ${name} (`))).toBe(true);
  await store.close();
});
