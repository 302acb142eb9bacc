// Import jobs in a SQLite file next to the audit trail's (one gateway). WAL, synchronous=NORMAL: a row's result
// survives a gateway crash; after a power cut the worst case is a row sent again, which its idempotency key
// answers with the first contact. better-sqlite3 is synchronous; the interface is async for PostgreSQL's sake.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { JobStatus, RowState } from '../../src/shared/imports.ts';
import { migrateSqlite } from '../migrations.ts';
import * as q from './sql.ts';

const ph = q.sqlitePlaceholder;

import type { ImportStore, JobFilter, NewJob, NewRow, QueueState, RowChange, StoredJob } from './store.ts';

/** The first schema (one number a row), kept as it shipped: migrations start from it. */
export const SCHEMA_V1 = `
CREATE TABLE import_jobs (
  id TEXT PRIMARY KEY, profile_id TEXT, file_name TEXT NOT NULL, file_sha256 TEXT NOT NULL,
  default_region TEXT NOT NULL, status TEXT NOT NULL, actor TEXT NOT NULL, created_by TEXT NOT NULL,
  client_address TEXT, user_agent TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
  finished_at INTEGER, work_since INTEGER, lease_owner TEXT, lease_until INTEGER
);
CREATE TABLE import_rows (
  job_id TEXT NOT NULL, row_no INTEGER NOT NULL, input TEXT NOT NULL, phone TEXT, problem TEXT,
  state TEXT NOT NULL, reason TEXT, contact_id TEXT, attempts INTEGER NOT NULL DEFAULT 0,
  due_at INTEGER, done_at INTEGER, PRIMARY KEY (job_id, row_no)
) WITHOUT ROWID;
CREATE TABLE import_counts (
  job_id TEXT NOT NULL, state TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (job_id, state)
) WITHOUT ROWID;
CREATE TRIGGER import_rows_count AFTER UPDATE OF state ON import_rows WHEN OLD.state <> NEW.state BEGIN
  UPDATE import_counts SET n = n - 1 WHERE job_id = OLD.job_id AND state = OLD.state;
  UPDATE import_counts SET n = n + 1 WHERE job_id = NEW.job_id AND state = NEW.state;
END;
${q.INDEXES_SQL}`;

type Row = Record<string, unknown>;

export class SqliteImportStore implements ImportStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    migrateSqlite(this.db, [SCHEMA_V1, q.MIGRATION_V2]);
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** Prepared once per distinct SQL text. */
  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private withCounts(rows: Row[]): StoredJob[] {
    if (rows.length === 0) return [];
    const counts = q.countsByJob(
      this.stmt(q.countsSql(ph, rows.length)).all(...rows.map((r) => r.id)) as Row[],
    );
    return rows.map((r) => q.rowToJob(r, counts.get(String(r.id))));
  }

  private one(row: unknown): StoredJob | null {
    return row ? (this.withCounts([row as Row])[0] ?? null) : null;
  }

  async create(job: NewJob, rows: readonly NewRow[]): Promise<StoredJob> {
    const insertJob = this.stmt(q.insertJobSql(ph));
    const insertRow = this.stmt(
      `INSERT INTO import_rows (${q.ROW_INSERT_COLUMNS}) VALUES (${Array(q.ROW_INSERT_COUNT).fill('?').join(', ')})`,
    );
    const insertCount = this.stmt(q.INSERT_COUNT_SQL(ph));
    this.db.transaction(() => {
      insertJob.run(q.jobParams(job));
      for (const row of rows) insertRow.run(q.rowParams(job.id, row));
      for (const [state, n] of q.initialCounts(rows)) insertCount.run(job.id, state, n);
    })();
    return (await this.get(job.id)) as StoredJob;
  }

  async get(id: string): Promise<StoredJob | null> {
    return this.one(this.stmt(q.GET_JOB_SQL(ph)).get(id));
  }

  async list(filter: JobFilter): Promise<StoredJob[]> {
    const { sql, params } = q.listSql(ph, filter);
    return this.withCounts(this.stmt(sql).all(...params) as Row[]);
  }

  async transition(
    id: string,
    from: readonly JobStatus[],
    to: JobStatus,
    nowMs: number,
  ): Promise<StoredJob | null> {
    const update = this.stmt(q.transitionSql(ph, from.length));
    const requeue = this.stmt(q.REQUEUE_CREATED_SQL(ph));
    const row = this.db
      .transaction(() => {
        const moved = update.get(...q.transitionParams(id, from, to, nowMs));
        if (moved && to === 'undoing') requeue.run(id);
        return moved;
      })
      .immediate();
    return this.one(row);
  }

  async claim(owner: string, nowMs: number, leaseMs: number): Promise<StoredJob | null> {
    return this.one(this.stmt(q.claimSql(ph)).get(owner, nowMs + leaseMs, nowMs, nowMs));
  }

  async renew(id: string, owner: string, nowMs: number, leaseMs: number): Promise<JobStatus | null> {
    const row = this.stmt(q.RENEW_SQL(ph)).get(nowMs + leaseMs, id, owner) as Row | undefined;
    return (row?.status as JobStatus | undefined) ?? null;
  }

  async release(id: string, owner: string): Promise<void> {
    this.stmt(q.RELEASE_SQL(ph)).run(id, owner);
  }

  async status(id: string): Promise<JobStatus | null> {
    const row = this.stmt(q.STATUS_SQL(ph)).get(id) as Row | undefined;
    return (row?.status as JobStatus | undefined) ?? null;
  }

  async dueRows(id: string, state: QueueState, afterItem: number, nowMs: number, limit: number) {
    const rows = this.stmt(q.DUE_ROWS_SQL(ph)).all(...q.dueRowsParams(id, state, afterItem, nowMs, limit));
    return (rows as Row[]).map(q.rowToRow);
  }

  async nextDue(id: string, state: QueueState): Promise<number | null> {
    const row = this.stmt(q.NEXT_DUE_SQL(ph)).get(id, state) as Row;
    return row.due === null ? null : Number(row.due);
  }

  async saveRow(id: string, item: number, change: RowChange): Promise<void> {
    this.stmt(q.SAVE_ROW_SQL(ph)).run(...q.saveRowParams(id, item, change));
  }

  async rows(id: string, states: readonly RowState[], afterItem: number, limit: number) {
    const rows = this.stmt(q.rowsSql(ph, states.length)).all(id, afterItem, ...states, limit);
    return (rows as Row[]).map(q.rowToRow);
  }

  async progress(id: string, sinceMs: number) {
    const row = this.stmt(q.PROGRESS_SQL(ph)).get(id, sinceMs, id) as Row;
    return { recent: Number(row.recent), lastDoneAt: row.last === null ? null : Number(row.last) };
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
