// SQL both import stores share (one file on purpose: every statement either engine runs, side by side). SQLite binds `?` in order and PostgreSQL `$n`, so statements are built with
// the engine's placeholder (as server/audit/sql.ts does); every statement uses each parameter once, in order.
// Counts per state live in import_counts, kept by a trigger on import_rows (see the schemas), so a job's
// counts are a handful of rows to read whatever its size.
import { ROW_STATES, type RowState } from '../../src/shared/imports.ts';
import type { JobFilter, NewJob, NewRow, QueueState, RowChange } from './store.ts';

/**
 * The indexes both schemas create: claims by status, lists by date, a job's queue in row order (item order
 * since V2: its row_no column is renamed item_no, and the index follows), its pace.
 */
export const INDEXES_SQL = `
CREATE INDEX import_jobs_by_status ON import_jobs (status, created_at);
CREATE INDEX import_jobs_by_created ON import_jobs (created_at);
CREATE INDEX import_rows_queue ON import_rows (job_id, state, row_no);
CREATE INDEX import_rows_done ON import_rows (job_id, done_at);
`;

export type Placeholder = (n: number) => string;
export const sqlitePlaceholder: Placeholder = () => '?';
export const pgPlaceholder: Placeholder = (n) => `$${n}`;

const JOB_COLUMNS = [
  'id',
  'profile_id',
  'file_name',
  'file_sha256',
  'default_region',
  'status',
  'actor',
  'created_by',
  'client_address',
  'user_agent',
  'created_at',
  'updated_at',
  'finished_at',
  'work_since',
  'lease_owner',
  'lease_until',
  'source_columns',
] as const;
export const JOB_COLUMNS_SQL = JOB_COLUMNS.join(', ');
export const ROW_COLUMNS_SQL =
  'item_no, row_no, column_name, input, phone, problem, state, reason, contact_id, attempts';
/** Columns a new row is inserted with, in this order (rowParams). */
export const ROW_INSERT_COLUMNS =
  'job_id, item_no, row_no, column_name, input, phone, problem, state, reason, due_at';
export const ROW_INSERT_COUNT = 10;

/**
 * Schema V2 (both engines): a row of the file may give several numbers. import_rows.row_no becomes item_no
 * (the key, queue and paging order: the index and primary key follow the rename), the file's row moves to a
 * new row_no beside column_name, and a job keeps the names of its columns. Rows stored before keep their
 * number as both item and row, so their idempotency keys are unchanged.
 */
export const MIGRATION_V2 = `
ALTER TABLE import_rows RENAME COLUMN row_no TO item_no;
ALTER TABLE import_rows ADD COLUMN row_no INTEGER;
ALTER TABLE import_rows ADD COLUMN column_name TEXT;
UPDATE import_rows SET row_no = item_no;
ALTER TABLE import_jobs ADD COLUMN source_columns TEXT NOT NULL DEFAULT '[]';
`;

const list = (ph: Placeholder, first: number, count: number) =>
  Array.from({ length: count }, (_, i) => ph(first + i)).join(', ');

export function insertJobSql(ph: Placeholder): string {
  return `INSERT INTO import_jobs (${JOB_COLUMNS_SQL}) VALUES (${list(ph, 1, JOB_COLUMNS.length)})`;
}

export function jobParams(job: NewJob): unknown[] {
  return [
    job.id,
    job.profileId,
    job.fileName,
    job.fileSha256,
    job.defaultRegion,
    'running',
    JSON.stringify(job.actor),
    job.createdBy,
    job.clientAddress,
    job.userAgent,
    job.nowMs,
    job.nowMs,
    null,
    job.nowMs,
    null,
    null,
    JSON.stringify(job.columns),
  ];
}

/** Pending rows are due at once; rows set aside by the browser's check are never sent. */
export const rowDueAt = (row: NewRow): number | null => (row.state === 'pending' ? 0 : null);

export function rowParams(jobId: string, row: NewRow): unknown[] {
  return [
    jobId,
    row.item,
    row.row,
    row.column,
    row.input,
    row.phone,
    row.problem,
    row.state,
    row.reason,
    rowDueAt(row),
  ];
}

/** Every state with its count (zeros included: the trigger only moves counts between existing rows). */
export function initialCounts(rows: readonly NewRow[]): [RowState, number][] {
  const n = new Map<RowState, number>(ROW_STATES.map((s) => [s, 0]));
  for (const row of rows) n.set(row.state, (n.get(row.state) ?? 0) + 1);
  return [...n];
}

export const INSERT_COUNT_SQL = (ph: Placeholder) =>
  `INSERT INTO import_counts (job_id, state, n) VALUES (${list(ph, 1, 3)})`;

export const GET_JOB_SQL = (ph: Placeholder) =>
  `SELECT ${JOB_COLUMNS_SQL} FROM import_jobs WHERE id = ${ph(1)}`;

export function countsSql(ph: Placeholder, jobs: number): string {
  return `SELECT job_id, state, n FROM import_counts WHERE job_id IN (${list(ph, 1, jobs)})`;
}

export function listSql(ph: Placeholder, filter: JobFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.profileIds !== null) {
    params.push(...filter.profileIds);
    const ids = filter.profileIds.length ? `profile_id IN (${list(ph, 1, filter.profileIds.length)})` : '1=0';
    where.push(filter.ownScope ? `(${ids} OR profile_id IS NULL)` : ids);
  } else if (!filter.ownScope) where.push('profile_id IS NOT NULL');
  params.push(filter.limit);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  return {
    sql: `SELECT ${JOB_COLUMNS_SQL} FROM import_jobs ${clause} ORDER BY created_at DESC, id DESC LIMIT ${ph(params.length)}`,
    params,
  };
}

const ENDS = "('done', 'undone', 'cancelled')";
const ACTIVE = "('running', 'undoing')";

/** Params: to, nowMs, id, ...from. */
export function transitionSql(ph: Placeholder, from: number): string {
  return `UPDATE import_jobs SET status = ${ph(1)}, updated_at = ${ph(2)},
    finished_at = CASE WHEN CAST(${ph(3)} AS TEXT) IN ${ENDS} THEN CAST(${ph(4)} AS BIGINT) ELSE NULL END,
    work_since = CASE WHEN CAST(${ph(5)} AS TEXT) IN ${ACTIVE} THEN CAST(${ph(6)} AS BIGINT) ELSE work_since END
    WHERE id = ${ph(7)} AND status IN (${list(ph, 8, from)}) RETURNING ${JOB_COLUMNS_SQL}`;
}

export const transitionParams = (id: string, from: readonly string[], to: string, nowMs: number) => [
  to,
  nowMs,
  to,
  nowMs,
  to,
  nowMs,
  id,
  ...from,
];

/** Queues a job's created rows again for "remove what this import created". Params: jobId. */
export const REQUEUE_CREATED_SQL = (ph: Placeholder) =>
  `UPDATE import_rows SET due_at = 0, attempts = 0 WHERE job_id = ${ph(1)} AND state = 'created'`;

/** Params: owner, leaseUntil, nowMs, nowMs. `lock`: PostgreSQL's FOR UPDATE SKIP LOCKED. */
export function claimSql(ph: Placeholder, lock = ''): string {
  const free = (n: number) => `(lease_until IS NULL OR lease_until <= ${ph(n)})`;
  return `UPDATE import_jobs SET lease_owner = ${ph(1)}, lease_until = ${ph(2)}
    WHERE id = (SELECT id FROM import_jobs WHERE status IN ${ACTIVE} AND ${free(3)}
                ORDER BY created_at, id LIMIT 1 ${lock})
      AND ${free(4)}
    RETURNING ${JOB_COLUMNS_SQL}`;
}

/** Params: leaseUntil, id, owner. */
export const RENEW_SQL = (ph: Placeholder) =>
  `UPDATE import_jobs SET lease_until = ${ph(1)} WHERE id = ${ph(2)} AND lease_owner = ${ph(3)} RETURNING status`;

/** Params: id, owner. */
export const RELEASE_SQL = (ph: Placeholder) =>
  `UPDATE import_jobs SET lease_owner = NULL, lease_until = NULL WHERE id = ${ph(1)} AND lease_owner = ${ph(2)}`;

export const STATUS_SQL = (ph: Placeholder) => `SELECT status FROM import_jobs WHERE id = ${ph(1)}`;

/** Params: jobId, state, afterItem, nowMs, limit. */
export const DUE_ROWS_SQL = (ph: Placeholder) =>
  `SELECT ${ROW_COLUMNS_SQL} FROM import_rows
    WHERE job_id = ${ph(1)} AND state = ${ph(2)} AND item_no > ${ph(3)} AND due_at IS NOT NULL AND due_at <= ${ph(4)}
    ORDER BY item_no LIMIT ${ph(5)}`;

export const dueRowsParams = (
  id: string,
  state: QueueState,
  afterItem: number,
  nowMs: number,
  limit: number,
) => [id, state, afterItem, nowMs, limit];

/** Params: jobId, state. */
export const NEXT_DUE_SQL = (ph: Placeholder) =>
  `SELECT min(due_at) AS due FROM import_rows WHERE job_id = ${ph(1)} AND state = ${ph(2)} AND due_at IS NOT NULL`;

/** Params: state, reason, contactId, attempts, dueAt, doneAt, jobId, item. */
export const SAVE_ROW_SQL = (ph: Placeholder) =>
  `UPDATE import_rows SET state = ${ph(1)}, reason = ${ph(2)}, contact_id = ${ph(3)}, attempts = ${ph(4)},
    due_at = ${ph(5)}, done_at = ${ph(6)} WHERE job_id = ${ph(7)} AND item_no = ${ph(8)}`;

export const saveRowParams = (id: string, item: number, c: RowChange) => [
  c.state,
  c.reason,
  c.contactId,
  c.attempts,
  c.dueAt,
  c.doneAt,
  id,
  item,
];

/** Params: jobId, afterItem, ...states, limit. */
export function rowsSql(ph: Placeholder, states: number): string {
  return `SELECT ${ROW_COLUMNS_SQL} FROM import_rows WHERE job_id = ${ph(1)} AND item_no > ${ph(2)}
    AND state IN (${list(ph, 3, states)}) ORDER BY item_no LIMIT ${ph(3 + states)}`;
}

/** Params: jobId, sinceMs, jobId. */
export const PROGRESS_SQL = (ph: Placeholder) =>
  `SELECT (SELECT count(*) FROM import_rows WHERE job_id = ${ph(1)} AND done_at >= ${ph(2)}) AS recent,
          (SELECT max(done_at) FROM import_rows WHERE job_id = ${ph(3)}) AS last`;

export * from './sql-results.ts';
