// What the console's Import screen and the gateway's import jobs (server/imports) agree on: the HTTP paths, the
// job and row shapes, and the idempotency key each row's POST /v3/contacts carries.

/** Where the gateway serves import jobs (admins only). */
export const IMPORTS_PATH = '/__imports';
/** Most rows one import may carry. */
export const IMPORT_MAX_ROWS = 100_000;

/** Why the browser's check set a row aside before sending (the row is stored and counted, never sent). */
export const ROW_PROBLEMS = ['invalid', 'duplicate', 'exists'] as const;
export type RowProblem = (typeof ROW_PROBLEMS)[number];

/**
 * One number as the browser sends it: where it was in the file (row and column), what was written there, the
 * E.164 number or null. A row of the file may give several (several phone columns, several numbers in a cell).
 */
export interface ImportRowInput {
  /** 1-based row number in the file (the header is row 1 when there is one); a vCard's card number. */
  row: number;
  /**
   * The column it came from, by name ("Mobile Phone", "Column B"); null or absent when the row had no
   * number, or from a console that sent one column's rows only.
   */
  column?: string | null;
  /** The number as written in the file (or the person's fix; shown in the failed-rows CSV). */
  input: string;
  /** Normalised E.164 number; null when `problem` is 'invalid'. */
  phone: string | null;
  problem: RowProblem | null;
}

/** POST IMPORTS_PATH body. */
export interface ImportRequest {
  /** The profile the contacts go to (x-profile-id); null: the account itself. */
  profile_id: string | null;
  file_name: string;
  /** SHA-256 (hex) of the file's bytes (or of the pasted text): part of every row's idempotency key. */
  file_sha256: string;
  /** ISO 3166 region used to read numbers without a country code. */
  default_region: string;
  rows: ImportRowInput[];
}

/**
 * A row's state. pending: not sent yet; created: POST answered 201 (or replayed); existed: 409 RESOURCE_007, or
 * flagged 'exists' before sending; invalid / duplicate: set aside by the check; failed: the API refused it
 * (reason kept); removed: created by this import and removed again by "remove what this import created".
 */
export const ROW_STATES = [
  'pending',
  'created',
  'existed',
  'invalid',
  'duplicate',
  'failed',
  'removed',
] as const;
export type RowState = (typeof ROW_STATES)[number];

export const JOB_STATUSES = [
  'running',
  'paused',
  'cancelled',
  'done',
  /** Removing what it created. */
  'undoing',
  'undone',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export type RowCounts = Record<RowState, number> & { total: number };

/** GET IMPORTS_PATH/{id} (and every action's answer). */
export interface ImportJob {
  id: string;
  profile_id: string | null;
  file_name: string;
  status: JobStatus;
  counts: RowCounts;
  /** Who started it (name or id), when (ISO-8601 UTC). */
  created_by: string;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  /** Rows a minute over the last minute of work; null before there is a minute's evidence. */
  rows_per_min: number | null;
  /** Seconds left at that rate (or at the team's budget before it is known); null when nothing is left. */
  eta_seconds: number | null;
  /** The columns its numbers came from, in the file's order of first use ([] when none was named). */
  columns: string[];
}

/** GET IMPORTS_PATH/{id}/rows.csv?state=… : which rows to download. */
export const ROW_DOWNLOADS = ['failed', 'created'] as const;
export type RowDownload = (typeof ROW_DOWNLOADS)[number];

const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return hex(await crypto.subtle.digest('SHA-256', bytes));
}

/**
 * The Idempotency-Key of a row's POST: the same file, row and number always give the same key (a re-run or a
 * retry never creates a second contact); a changed row gives another. Hashed so the key does not reveal the number.
 * The column is deliberately not part of it: a number is sent at most once per row (the check marks its other
 * occurrences, in any column or cell, as duplicates), so file, row and number name the one POST, and a re-run
 * with columns ticked differently or moved still replays the same key for the same number in the same row.
 */
export async function importRowKey(fileSha256: string, row: number, phone: string): Promise<string> {
  return `imp-${await sha256Hex(`${fileSha256}:${row}:${phone}`)}`;
}
