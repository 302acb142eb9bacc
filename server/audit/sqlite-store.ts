// The audit trail in a SQLite file (the default, one gateway). better-sqlite3's synchronous IMMEDIATE
// transaction is the ordering authority: read the newest hash and insert the next entry with the write lock
// held, so even two processes sharing the file keep one chain. WAL + synchronous=FULL by default: a resolved
// append is on disk (one fsync per entry; AUDIT_SQLITE_SYNC=normal trades power-cut safety for speed).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrateSqlite } from '../migrations.ts';
import type { SqliteSync } from './config.ts';
import { chainEntry, type EntryContent, GENESIS_HASH, type StoredEntry } from './entry.ts';
import {
  CHECKPOINT_COLUMNS,
  COLUMNS_SQL,
  entryParams,
  ITERATE_BATCH,
  inBatches,
  insertSql,
  sqlitePlaceholder as ph,
  rowToCheckpoint,
  rowToEntry,
  whereSql,
} from './sql.ts';
import type {
  AuditFilter,
  AuditPage,
  AuditStore,
  ChainHead,
  Checkpoint,
  PageRequest,
  Seal,
} from './store.ts';

// Triggers refuse UPDATE always and DELETE unless retention opened the gate inside its own transaction:
// they stop the application's own mistakes; the hash chain and anchors are what catch a database admin.
const SCHEMA_V1 = `
CREATE TABLE audit_entries (
  seq INTEGER PRIMARY KEY, at TEXT NOT NULL, action TEXT NOT NULL, outcome TEXT NOT NULL,
  actor_kind TEXT NOT NULL, actor_id TEXT NOT NULL, actor_name TEXT, actor_role TEXT, actor_groups TEXT NOT NULL,
  profile_id TEXT, contact_id TEXT, phone_masked TEXT, phone_hash TEXT, request_id TEXT,
  client_address TEXT, user_agent TEXT, details TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL
);
CREATE INDEX audit_by_actor ON audit_entries (actor_id, seq);
CREATE INDEX audit_by_contact ON audit_entries (contact_id, seq);
CREATE INDEX audit_by_phone ON audit_entries (phone_hash, seq);
CREATE INDEX audit_by_at ON audit_entries (at);
CREATE TABLE audit_checkpoint (
  id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL, at TEXT NOT NULL,
  pruned_at TEXT NOT NULL, key_id TEXT NOT NULL, sig TEXT NOT NULL
);
CREATE TABLE audit_prune_gate (id INTEGER PRIMARY KEY CHECK (id = 1), open INTEGER NOT NULL);
INSERT INTO audit_prune_gate VALUES (1, 0);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_entries
  BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_entries
  WHEN (SELECT open FROM audit_prune_gate) = 0
  BEGIN SELECT RAISE(ABORT, 'audit entries are deleted by retention only'); END;
`;

const MIGRATIONS = [SCHEMA_V1];

export class SqliteAuditStore implements AuditStore {
  readonly kind = 'sqlite';
  /** The connection, for tests that play a database admin rewriting rows. */
  readonly db: Database.Database;
  private readonly appendTx: (content: EntryContent) => StoredEntry;
  private readonly pruneTx: (before: string, seal: Seal) => Checkpoint | null;

  constructor(path: string, sync: SqliteSync = 'full') {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('busy_timeout = 5000');
    migrateSqlite(this.db, MIGRATIONS);
    const insert = this.db.prepare(insertSql(ph));
    const append = this.db.transaction((content: EntryContent) => {
      const head = this.headSync() ?? { seq: 0, hash: GENESIS_HASH };
      const entry = chainEntry(head.hash, head.seq + 1, content);
      insert.run(entryParams(entry));
      return entry;
    });
    this.appendTx = (content) => append.immediate(content);
    const prune = this.db.transaction((before: string, seal: Seal): Checkpoint | null => {
      const last = this.db
        .prepare('SELECT seq, hash, at FROM audit_entries WHERE at < ? ORDER BY seq DESC LIMIT 1')
        .get(before) as { seq: number; hash: string; at: string } | undefined;
      if (!last) return null;
      const sealed = seal(last);
      this.db.prepare('UPDATE audit_prune_gate SET open = 1').run();
      this.db.prepare('DELETE FROM audit_entries WHERE seq <= ?').run(last.seq);
      this.db.prepare('UPDATE audit_prune_gate SET open = 0').run();
      this.db
        .prepare(
          `INSERT OR REPLACE INTO audit_checkpoint (id, ${CHECKPOINT_COLUMNS}) VALUES (1, ?, ?, ?, ?, ?, ?)`,
        )
        .run(last.seq, last.hash, last.at, sealed.at, sealed.key, sealed.sig);
      return { ...last, pruned_at: sealed.at, key: sealed.key, sig: sealed.sig };
    });
    this.pruneTx = (before, seal) => prune.immediate(before, seal);
  }

  private headSync(): ChainHead | null {
    const row = this.db.prepare('SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1').get();
    return (row as ChainHead | undefined) ?? this.checkpointSync();
  }

  private checkpointSync(): Checkpoint | null {
    return rowToCheckpoint(
      this.db.prepare(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoint`).get() as never,
    );
  }

  async append(content: EntryContent): Promise<StoredEntry> {
    return this.appendTx(content);
  }

  async query(filter: AuditFilter, page: PageRequest): Promise<AuditPage> {
    const where = whereSql(filter, ph);
    const n = where.params.length;
    const { total } = this.db
      .prepare(`SELECT count(*) AS total FROM audit_entries WHERE ${where.sql}`)
      .get(where.params) as { total: number };
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS_SQL} FROM audit_entries WHERE ${where.sql} ORDER BY seq DESC LIMIT ${ph(n + 1)} OFFSET ${ph(n + 2)}`,
      )
      .all([...where.params, page.pageSize, (page.page - 1) * page.pageSize]) as Record<string, unknown>[];
    return { entries: rows.map(rowToEntry), total };
  }

  iterate(filter: AuditFilter = {}): AsyncIterable<StoredEntry> {
    const where = whereSql(filter, ph, 2);
    const select = this.db.prepare(
      `SELECT ${COLUMNS_SQL} FROM audit_entries WHERE seq > ? AND ${where.sql} ORDER BY seq LIMIT ${ITERATE_BATCH}`,
    );
    return inBatches(async (after) =>
      (select.all([after, ...where.params]) as Record<string, unknown>[]).map(rowToEntry),
    );
  }

  async head(): Promise<ChainHead | null> {
    return this.headSync();
  }

  async checkpoint(): Promise<Checkpoint | null> {
    return this.checkpointSync();
  }

  async prune(before: string, seal: Seal): Promise<Checkpoint | null> {
    return this.pruneTx(before, seal);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
