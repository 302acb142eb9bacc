// Stored rows back into the stores' types: a job (with its counts per state) and a row. Beside sql.ts, which
// re-exports it, so both stores read results the same way.
import { ROW_STATES, type RowCounts, type RowState } from '../../src/shared/imports.ts';
import type { StoredJob, StoredRow } from './store.ts';

type Row = Record<string, unknown>;
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export function emptyCounts(): RowCounts {
  return Object.fromEntries([...ROW_STATES.map((s) => [s, 0]), ['total', 0]]) as RowCounts;
}

/** Counts per job from import_counts rows (PostgreSQL gives integers as numbers, bigint as text). */
export function countsByJob(rows: readonly Row[]): Map<string, RowCounts> {
  const out = new Map<string, RowCounts>();
  for (const r of rows) {
    const id = String(r.job_id);
    const counts = out.get(id) ?? emptyCounts();
    const n = Number(r.n);
    counts[r.state as RowState] = n;
    counts.total += n;
    out.set(id, counts);
  }
  return out;
}

export function rowToJob(r: Row, counts: RowCounts = emptyCounts()): StoredJob {
  return {
    id: String(r.id),
    profileId: (r.profile_id as string | null) ?? null,
    fileName: String(r.file_name),
    fileSha256: String(r.file_sha256),
    defaultRegion: String(r.default_region),
    status: r.status as StoredJob['status'],
    actor: JSON.parse(String(r.actor)),
    createdBy: String(r.created_by),
    clientAddress: (r.client_address as string | null) ?? null,
    userAgent: (r.user_agent as string | null) ?? null,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    finishedAt: num(r.finished_at),
    workSince: num(r.work_since),
    leaseOwner: (r.lease_owner as string | null) ?? null,
    leaseUntil: num(r.lease_until),
    columns: JSON.parse(String(r.source_columns ?? '[]')),
    counts,
  };
}

export function rowToRow(r: Row): StoredRow {
  return {
    item: Number(r.item_no),
    row: Number(r.row_no),
    column: (r.column_name as string | null) ?? null,
    input: String(r.input),
    phone: (r.phone as string | null) ?? null,
    problem: (r.problem as StoredRow['problem']) ?? null,
    state: r.state as RowState,
    reason: (r.reason as string | null) ?? null,
    contactId: (r.contact_id as string | null) ?? null,
    attempts: Number(r.attempts),
  };
}
