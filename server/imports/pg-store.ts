// Import jobs in PostgreSQL (DATABASE_URL: the audit trail's database, tables of their own), what several gateway
// replicas share: a claim is one conditional UPDATE whose sub-select skips a job another replica is claiming
// (FOR UPDATE SKIP LOCKED), so one replica works on a job at a time.
import pg from 'pg';
import type { JobStatus, RowState } from '../../src/shared/imports.ts';
import { migratePg } from '../migrations.ts';
import { inTransaction } from '../pg-transaction.ts';
import * as q from './sql.ts';

const ph = q.pgPlaceholder;

import type { ImportStore, JobFilter, NewJob, NewRow, QueueState, RowChange, StoredJob } from './store.ts';

const MIGRATION_LOCK = 7_263_524_201;

/** The first schema (one number a row), kept as it shipped: migrations start from it. */
export const V1 = `
CREATE TABLE import_jobs (
  id text PRIMARY KEY, profile_id text, file_name text NOT NULL, file_sha256 text NOT NULL,
  default_region text NOT NULL, status text NOT NULL, actor text NOT NULL, created_by text NOT NULL,
  client_address text, user_agent text, created_at bigint NOT NULL, updated_at bigint NOT NULL,
  finished_at bigint, work_since bigint, lease_owner text, lease_until bigint
);
CREATE TABLE import_rows (
  job_id text NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE, row_no integer NOT NULL,
  input text NOT NULL, phone text, problem text, state text NOT NULL, reason text, contact_id text,
  attempts integer NOT NULL DEFAULT 0, due_at bigint, done_at bigint, PRIMARY KEY (job_id, row_no)
);
CREATE TABLE import_counts (
  job_id text NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE, state text NOT NULL,
  n integer NOT NULL, PRIMARY KEY (job_id, state)
);
CREATE FUNCTION import_rows_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE import_counts SET n = n - 1 WHERE job_id = OLD.job_id AND state = OLD.state;
  UPDATE import_counts SET n = n + 1 WHERE job_id = NEW.job_id AND state = NEW.state;
  RETURN NULL;
END $$;
CREATE TRIGGER import_rows_count AFTER UPDATE OF state ON import_rows
  FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION import_rows_count();
${q.INDEXES_SQL}`;

/** Rows per INSERT … SELECT FROM unnest(…): one round trip per batch (100,000 rows in ten). */
const INSERT_BATCH = 10_000;
const INSERT_ROWS_SQL = `INSERT INTO import_rows (${q.ROW_INSERT_COLUMNS})
  SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
    $8::text[], $9::text[], $10::bigint[])`;

type Row = Record<string, unknown>;

/** Columns of `rows` as arrays, for unnest. */
function columns(jobId: string, rows: readonly NewRow[]): unknown[][] {
  const out: unknown[][] = Array.from({ length: q.ROW_INSERT_COUNT }, () => []);
  for (const row of rows) {
    for (const [i, value] of q.rowParams(jobId, row).entries()) out[i]?.push(value);
  }
  return out;
}

export class PgImportStore implements ImportStore {
  readonly kind = 'postgres';
  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string, poolSize = 4): Promise<PgImportStore> {
    const pool = new pg.Pool({ connectionString: url, max: poolSize });
    pool.on('error', () => {}); // an idle client losing its server: the next query reports it
    await migratePg(pool, {
      table: 'import_migrations',
      lock: MIGRATION_LOCK,
      migrations: [V1, q.MIGRATION_V2],
    });
    return new PgImportStore(pool);
  }

  private async rowsOf(sql: string, params: unknown[]): Promise<Row[]> {
    return (await this.pool.query(sql, params)).rows;
  }

  private async withCounts(rows: Row[]): Promise<StoredJob[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const counts = q.countsByJob(await this.rowsOf(q.countsSql(ph, ids.length), ids));
    return rows.map((r) => q.rowToJob(r, counts.get(String(r.id))));
  }

  private async one(rows: Row[]): Promise<StoredJob | null> {
    return (await this.withCounts(rows.slice(0, 1)))[0] ?? null;
  }

  async create(job: NewJob, rows: readonly NewRow[]): Promise<StoredJob> {
    await inTransaction(this.pool, async (client) => {
      await client.query(q.insertJobSql(ph), q.jobParams(job));
      for (let i = 0; i < rows.length; i += INSERT_BATCH) {
        await client.query(INSERT_ROWS_SQL, columns(job.id, rows.slice(i, i + INSERT_BATCH)));
      }
      for (const [state, n] of q.initialCounts(rows)) {
        await client.query(q.INSERT_COUNT_SQL(ph), [job.id, state, n]);
      }
    });
    return (await this.get(job.id)) as StoredJob;
  }

  async get(id: string): Promise<StoredJob | null> {
    return this.one(await this.rowsOf(q.GET_JOB_SQL(ph), [id]));
  }

  async list(filter: JobFilter): Promise<StoredJob[]> {
    const { sql, params } = q.listSql(ph, filter);
    return this.withCounts(await this.rowsOf(sql, params));
  }

  async transition(id: string, from: readonly JobStatus[], to: JobStatus, nowMs: number) {
    const moved = await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query(
        q.transitionSql(ph, from.length),
        q.transitionParams(id, from, to, nowMs),
      );
      if (rows[0] && to === 'undoing') await client.query(q.REQUEUE_CREATED_SQL(ph), [id]);
      return rows;
    });
    return this.one(moved);
  }

  async claim(owner: string, nowMs: number, leaseMs: number): Promise<StoredJob | null> {
    const sql = q.claimSql(ph, 'FOR UPDATE SKIP LOCKED');
    return this.one(await this.rowsOf(sql, [owner, nowMs + leaseMs, nowMs, nowMs]));
  }

  async renew(id: string, owner: string, nowMs: number, leaseMs: number): Promise<JobStatus | null> {
    const [row] = await this.rowsOf(q.RENEW_SQL(ph), [nowMs + leaseMs, id, owner]);
    return (row?.status as JobStatus | undefined) ?? null;
  }

  async release(id: string, owner: string): Promise<void> {
    await this.pool.query(q.RELEASE_SQL(ph), [id, owner]);
  }

  async status(id: string): Promise<JobStatus | null> {
    const [row] = await this.rowsOf(q.STATUS_SQL(ph), [id]);
    return (row?.status as JobStatus | undefined) ?? null;
  }

  async dueRows(id: string, state: QueueState, afterItem: number, nowMs: number, limit: number) {
    return (await this.rowsOf(q.DUE_ROWS_SQL(ph), q.dueRowsParams(id, state, afterItem, nowMs, limit))).map(
      q.rowToRow,
    );
  }

  async nextDue(id: string, state: QueueState): Promise<number | null> {
    const [row] = await this.rowsOf(q.NEXT_DUE_SQL(ph), [id, state]);
    return row?.due === null || row?.due === undefined ? null : Number(row.due);
  }

  async saveRow(id: string, item: number, change: RowChange): Promise<void> {
    await this.pool.query(q.SAVE_ROW_SQL(ph), q.saveRowParams(id, item, change));
  }

  async rows(id: string, states: readonly RowState[], afterItem: number, limit: number) {
    return (await this.rowsOf(q.rowsSql(ph, states.length), [id, afterItem, ...states, limit])).map(
      q.rowToRow,
    );
  }

  async progress(id: string, sinceMs: number) {
    const [row] = await this.rowsOf(q.PROGRESS_SQL(ph), [id, sinceMs, id]);
    return { recent: Number(row?.recent ?? 0), lastDoneAt: row?.last == null ? null : Number(row.last) };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
