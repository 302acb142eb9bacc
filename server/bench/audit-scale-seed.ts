// bench:audit-scale's bulk path (the bench only; the gateway appends one entry at a time): N valid chained
// entries written in large transactions with the secondary indexes dropped and rebuilt after (what a
// restore would do), and the head anchored every `anchorEvery` entries: 69 is what the Anchorer writes for
// the 100,000 entries a day at its default AUDIT_ANCHOR_INTERVAL_S (one a minute). The result
// verifies like a trail the gateway wrote.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { signAnchor } from '../audit/anchor.ts';
import { canonicalRowText } from '../audit/chain-check.ts';
import { canonicalJson, ENTRY_COLUMNS, GENESIS_HASH } from '../audit/entry.ts';
import type { SigningKey } from '../audit/keys.ts';
import { insertSql, sqlitePlaceholder } from '../audit/sql.ts';
import type { ChainRow } from '../audit/store.ts';
import { type Contact, entryContent, random } from './audit-scale-data.ts';

export interface SeedPlan {
  count: number;
  startMs: number;
  endMs: number;
  contacts: Contact[];
  key: SigningKey;
  anchorFile: string;
  anchorEvery: number;
}

const BATCH = 5000;

/**
 * The chain in batches of rows as stored (JSON columns as canonical text), hashed from that text as
 * verification's fast path reads it (chain-check.ts): the same bytes entryHash covers, built once.
 */
async function* batches(plan: SeedPlan): AsyncGenerator<ChainRow[]> {
  const next = random(42);
  const anchors = createWriteStream(plan.anchorFile, { flags: 'a', mode: 0o600 });
  let prev = { seq: 0, hash: GENESIS_HASH };
  let batch: ChainRow[] = [];
  for (let n = 0; n < plan.count; n++) {
    const content = entryContent(n, plan.count, plan, plan.contacts, next);
    if (n > 0 && n % plan.anchorEvery === 0) {
      anchors.write(`${JSON.stringify(signAnchor('head', prev, content.at, plan.key))}\n`);
    }
    const stored = {
      ...content,
      actor_groups: canonicalJson(content.actor_groups),
      details: canonicalJson(content.details),
    };
    const seq = prev.seq + 1;
    const hash = createHash('sha256')
      .update(`${prev.hash}\n${seq}\n${canonicalRowText(stored)}`)
      .digest('hex');
    const entry: ChainRow = { ...stored, seq, prev_hash: prev.hash, hash };
    batch.push(entry);
    prev = entry;
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
  anchors.write(
    `${JSON.stringify(signAnchor('head', prev, new Date(plan.endMs).toISOString(), plan.key))}\n`,
  );
  await new Promise((resolve) => anchors.end(resolve));
}

const values = (row: ChainRow) => ENTRY_COLUMNS.map((column) => row[column]);

/** (actor, profile) pairs seen, for the people directory. */
function peopleOf(entries: ChainRow[], into: Map<string, ChainRow>): void {
  for (const e of entries) into.set(`${e.actor_id}\u0000${e.profile_id ?? ''}`, e);
}

export async function seedSqlite(db: Database.Database, plan: SeedPlan): Promise<void> {
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_entries' AND sql IS NOT NULL",
    )
    .all() as { name: string; sql: string }[];
  for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);
  db.pragma('synchronous = OFF');
  const insert = db.prepare(insertSql(sqlitePlaceholder));
  const write = db.transaction((entries: ChainRow[]) => {
    for (const e of entries) insert.run(values(e));
  });
  const seen = new Map<string, ChainRow>();
  for await (const entries of batches(plan)) {
    write(entries);
    peopleOf(entries, seen);
  }
  db.pragma('cache_size = -262144'); // 256 MB for the index builds' sorts (this connection only)
  for (const { sql } of indexes) db.exec(sql);
  const person = db.prepare('INSERT OR REPLACE INTO audit_people VALUES (?, ?, ?, ?, ?)');
  for (const e of seen.values())
    person.run(e.actor_id, e.profile_id ?? '', e.actor_kind, e.actor_name, e.actor_role);
  // The index builds went through the WAL (13 GB at 10,000,000 entries): copied into the file and fsynced
  // now, as a restore would finish, not by the store's checkpointer (nor the kernel's writeback) while the
  // bench measures. Busy while the checkpointer is copying part of it: asked again until all is copied.
  db.pragma('synchronous = FULL');
  while ((db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0]?.busy) {}
}

const PG_TYPES: Record<string, string> = { seq: 'bigint', at: 'timestamptz' };

export async function seedPostgres(pool: pg.Pool, plan: SeedPlan): Promise<void> {
  const months: Date[] = [];
  for (let d = new Date(plan.startMs); d.getTime() <= plan.endMs; d.setUTCMonth(d.getUTCMonth() + 1, 1)) {
    months.push(new Date(d));
  }
  for (const month of [...months, new Date(plan.endMs)])
    await pool.query('SELECT audit_ensure_partition($1)', [month]);
  const { rows: indexes } = await pool.query(
    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'audit_entries' AND schemaname = current_schema()",
  );
  for (const { indexname } of indexes) await pool.query(`DROP INDEX ${indexname}`);
  const columns = ENTRY_COLUMNS.map((c, i) => `$${i + 1}::${PG_TYPES[c] ?? 'text'}[]`).join(', ');
  const sql = `INSERT INTO audit_entries SELECT * FROM unnest(${columns})`;
  const seen = new Map<string, ChainRow>();
  let writing: Promise<unknown> = Promise.resolve();
  for await (const entries of batches(plan)) {
    const columns = ENTRY_COLUMNS.map((column) => entries.map((e) => e[column]));
    await writing; // the next batch was built while this one was written
    writing = pool.query(sql, columns);
    peopleOf(entries, seen);
  }
  await writing;
  // pg_indexes writes a partitioned index as "ON ONLY" the parent: rebuilt without ONLY, every month gets it.
  for (const { indexdef } of indexes) await pool.query(String(indexdef).replace(' ON ONLY ', ' ON '));
  for (const e of seen.values()) {
    await pool.query('INSERT INTO audit_people VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [
      e.actor_id,
      e.profile_id ?? '',
      e.actor_kind,
      e.actor_name,
      e.actor_role,
    ]);
  }
  // As autovacuum would have by then: statistics for the planner, the visibility map for index-only scans.
  await pool.query('VACUUM ANALYZE audit_entries');
}
