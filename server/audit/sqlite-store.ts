// The audit trail in a SQLite file (the default, one gateway). better-sqlite3's synchronous IMMEDIATE
// transaction is the ordering authority: read the newest hash and insert the next entry with the write lock
// held, so even two processes sharing the file keep one chain. WAL + synchronous=FULL by default: a resolved
// append is on disk (one fsync per entry; AUDIT_SQLITE_SYNC=normal trades power-cut safety for speed).
// Pages and exports are read on a worker thread (sqlite-reader.ts), verification on its own connections;
// retention deletes in small transactions so appends interleave, each step's pages read beforehand on another
// thread, and WAL checkpoints run in a worker (wal-checkpointer.ts).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrateSqlite } from '../migrations.ts';
import { sqliteChainRows } from './chain-source.ts';
import type { SqliteSync } from './config.ts';
import { chainEntry, type EntryContent, GENESIS_HASH, type StoredEntry } from './entry.ts';
import { countAll, type PagingSource, type RunSql, readPage, scanOldestFirst } from './paging.ts';
import type { Dialect, Sql } from './plan.ts';
import {
  CHECKPOINT_COLUMNS,
  entryParams,
  ITERATE_BATCH,
  insertSql,
  peopleQuery,
  sqlitePlaceholder as ph,
  rowToCheckpoint,
  rowToPerson,
} from './sql.ts';
import { type SqliteReader, startSqliteReader } from './sqlite-reader.ts';
import {
  SQLITE_LAST_TWO,
  SQLITE_MIGRATIONS,
  SQLITE_PEOPLE_CLEANUP,
  SQLITE_PEOPLE_GONE,
  SQLITE_PERSON_UPSERT,
  sqlitePruneWarm,
} from './sqlite-schema.ts';
import type {
  AuditFilter,
  AuditPage,
  AuditPerson,
  AuditStore,
  AuditVisibility,
  ChainHead,
  ChainRow,
  Checkpoint,
  PageRequest,
  Seal,
} from './store.ts';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.ts';

const DIALECT: Dialect = { ph, lastTwo: SQLITE_LAST_TWO, indexHint: (index) => `INDEXED BY ${index} ` };

/**
 * How long one retention transaction may take: it holds the only write lock, and this thread, meanwhile, so
 * an append arriving then waits that long. Deleting a row costs ~0.2 ms at a million entries (a row in each
 * of ten indexes), more as they grow, so the rows per step follow the measured time (nextPruneRows).
 */
export const PRUNE_STEP_MS = 4;
export const PRUNE_FIRST_ROWS = 20;
const PRUNE_MAX_ROWS = 1000;

/** The next step's rows: this step's pace aimed at PRUNE_STEP_MS, at most doubling, 1 to 1,000. */
export function nextPruneRows(rows: number, tookMs: number): number {
  const paced = Math.round((rows * PRUNE_STEP_MS) / Math.max(tookMs, 0.01));
  return Math.max(1, Math.min(PRUNE_MAX_ROWS, 2 * rows, paced));
}

type Row = Record<string, unknown>;

export class SqliteAuditStore implements AuditStore {
  readonly kind = 'sqlite';
  /** The connection, for tests that play a database admin rewriting rows. */
  readonly db: Database.Database;
  private readonly appendTx: (content: EntryContent) => StoredEntry;
  private readonly pruneStep: (upTo: number, rows: number, seal: Seal) => Checkpoint | null;
  private readonly paging: PagingSource;
  private readonly chain: ReturnType<typeof sqliteChainRows>;
  private readonly checkpointer: WalCheckpointer | null;
  private readonly reader: SqliteReader | null;
  /** The file, for workers' connections; null for a memory database (a worker cannot open another's). */
  private readonly file: string | null;

  constructor(path: string, sync: SqliteSync = 'full') {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('busy_timeout = 5000');
    migrateSqlite(this.db, SQLITE_MIGRATIONS);
    this.file = path === ':memory:' ? null : path;
    this.checkpointer = this.file ? startWalCheckpointer(this.db, this.file) : null;
    this.reader = this.file ? startSqliteReader(this.file) : null;
    const insert = this.db.prepare(insertSql(ph));
    const person = this.db.prepare(SQLITE_PERSON_UPSERT);
    const append = this.db.transaction((content: EntryContent) => {
      const head = this.headSync() ?? { seq: 0, hash: GENESIS_HASH };
      const entry = chainEntry(head.hash, head.seq + 1, content);
      insert.run(entryParams(entry));
      person.run(
        entry.actor_id,
        entry.profile_id ?? '',
        entry.actor_kind,
        entry.actor_name,
        entry.actor_role,
      );
      return entry;
    });
    this.appendTx = (content) => append.immediate(content);
    const step = this.db.transaction((upTo: number, rows: number, seal: Seal) =>
      this.pruneStepSync(upTo, rows, seal),
    );
    const level = sync === 'full' ? 'FULL' : 'NORMAL';
    // A retention step is not fsynced (the thread would wait for the disk meanwhile, and appends with it):
    // lost in a power cut, its rows and its checkpoint come back together and the next run deletes them
    // again; the next fsynced append makes it durable. Set and reset around the step itself, so no append
    // ever runs without its fsync.
    this.pruneStep = (upTo, rows, seal) => {
      this.db.pragma('synchronous = NORMAL');
      try {
        return step.immediate(upTo, rows, seal);
      } finally {
        this.db.pragma(`synchronous = ${level}`);
      }
    };
    this.chain = sqliteChainRows(this.db);
    const here: RunSql = async ({ sql, params }) => this.db.prepare(sql).all(params) as Row[];
    this.paging = {
      dialect: DIALECT,
      run: (sql) => (this.reader?.alive ? this.reader.all(sql) : here(sql)),
      size: async () => {
        const row = this.db
          .prepare(
            'SELECT (SELECT max(seq) FROM audit_entries) - (SELECT min(seq) FROM audit_entries) + 1 AS n',
          )
          .get() as Row;
        return Number(row.n ?? 0);
      },
    };
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

  private firstSeqSync(): number | null {
    const { seq } = this.db.prepare('SELECT min(seq) AS seq FROM audit_entries').get() as Row;
    return seq === null ? null : Number(seq);
  }

  /** Deletes the oldest `rows` entries up to `upTo` and seals the new start; null when none is left. */
  private pruneStepSync(upTo: number, rows: number, seal: Seal): Checkpoint | null {
    const first = this.firstSeqSync();
    if (first === null || first > upTo) return null;
    const end = Math.min(first + rows - 1, upTo);
    const last = this.db
      .prepare('SELECT seq, hash, at FROM audit_entries WHERE seq <= ? ORDER BY seq DESC LIMIT 1')
      .get(end) as { seq: number; hash: string; at: string };
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
  }

  async append(content: EntryContent): Promise<StoredEntry> {
    return this.appendTx(content);
  }

  query(filter: AuditFilter, page: PageRequest): Promise<AuditPage> {
    return readPage(this.paging, filter, page);
  }

  countAll(filter: AuditFilter): Promise<number> {
    return countAll(this.paging, filter);
  }

  async people(fragment: string, limit: number, visible?: AuditVisibility): Promise<AuditPerson[]> {
    const { sql, params } = peopleQuery(ph, fragment, limit, visible);
    return (this.db.prepare(sql).all(params) as Row[]).map(rowToPerson);
  }

  iterate(filter: AuditFilter = {}): AsyncIterable<StoredEntry> {
    return scanOldestFirst(this.paging, filter, ITERATE_BATCH);
  }

  chainRows(after: number, upTo: number, limit: number): Promise<ChainRow[]> {
    return this.chain(after, upTo, limit);
  }

  async head(): Promise<ChainHead | null> {
    return this.headSync();
  }

  async checkpoint(): Promise<Checkpoint | null> {
    return this.checkpointSync();
  }

  /**
   * Entries up to the newest one older than `before` go, oldest first, in transactions of about
   * PRUNE_STEP_MS (each sealing the new start), resting as long between them so appends are not held up.
   * Each step's pages are read first on a worker (sqlitePruneWarm): the step, holding the write lock and
   * this thread, then finds them in the OS cache (at 10,000,000 entries, cold steps took up to 0.5 s).
   */
  async prune(before: string, seal: Seal): Promise<Checkpoint | null> {
    const [newestOld] = await this.paging.run({
      sql: 'SELECT seq FROM audit_entries INDEXED BY audit_by_at WHERE at < ? ORDER BY at DESC, seq DESC LIMIT 1',
      params: [before],
    });
    if (!newestOld) return null;
    const warmer = this.file ? startSqliteReader(this.file) : null; // this run's warm-up reads
    try {
      return await this.pruneUpTo(Number(newestOld.seq), seal, warmer);
    } finally {
      await warmer?.stop();
    }
  }

  private async pruneUpTo(upTo: number, seal: Seal, warmer: SqliteReader | null): Promise<Checkpoint | null> {
    // Only to save the step a wait for the disk: without a worker the step reads its pages itself.
    const warm = async (sql: Sql) => {
      if (warmer?.alive) await warmer.all(sql);
    };
    let checkpoint: Checkpoint | null = null;
    let rows = PRUNE_FIRST_ROWS;
    for (;;) {
      const first = this.firstSeqSync();
      if (first === null || first > upTo) break;
      await warm(sqlitePruneWarm(first, Math.min(first + rows - 1, upTo)));
      const started = performance.now();
      const step = this.pruneStep(upTo, rows, seal);
      const took = performance.now() - started;
      rows = nextPruneRows(rows, took);
      if (!step) break;
      checkpoint = step;
      if (step.seq >= upTo) break;
      // Rest as long as the step worked: retention takes at most half of this thread and of the disk's
      // writes (its dirty pages are what the checkpointer then writes while appends fsync).
      await new Promise((resolve) => setTimeout(resolve, took));
    }
    if (checkpoint) {
      await warm(SQLITE_PEOPLE_GONE);
      this.db.prepare(SQLITE_PEOPLE_CLEANUP).run();
    }
    return checkpoint;
  }

  async close(): Promise<void> {
    await Promise.all([this.checkpointer?.stop(), this.reader?.stop()]);
    if (this.db.open) this.db.close(); // closing twice is a no-op, not a hang or a throw
  }
}
