// Where import jobs and their rows live: one interface, two engines (sqlite-store.ts, pg-store.ts), the same
// behaviour (store-contract.test.ts). Times are epoch milliseconds passed in by the caller (the worker's
// clock), so the store itself never reads a clock.

import type { JobStatus, RowCounts, RowProblem, RowState } from '../../src/shared/imports.ts';
import type { RecordInput } from '../audit/recorder.ts';

/** Who started a job, as their audit entries name them (the worker records its entries in their name). */
export type JobActor = RecordInput['actor'];

export interface NewJob {
  id: string;
  profileId: string | null;
  fileName: string;
  fileSha256: string;
  defaultRegion: string;
  actor: JobActor;
  /** Name or id shown as "started by". */
  createdBy: string;
  clientAddress: string | null;
  userAgent: string | null;
  /** The columns its numbers came from (ImportJob.columns). */
  columns: string[];
  nowMs: number;
}

/**
 * One number of the job. `item` numbers them 1, 2, … in file order and is what the store keys, pages and
 * queues them by (a row of the file may give several numbers); `row` and `column` say where it came from.
 */
export interface NewRow {
  item: number;
  row: number;
  column: string | null;
  input: string;
  phone: string | null;
  problem: RowProblem | null;
  state: RowState;
  reason: string | null;
}

export interface StoredJob {
  id: string;
  profileId: string | null;
  fileName: string;
  fileSha256: string;
  defaultRegion: string;
  status: JobStatus;
  actor: JobActor;
  createdBy: string;
  clientAddress: string | null;
  userAgent: string | null;
  columns: string[];
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** When it last became running or undoing: rates need a minute of work after it. */
  workSince: number | null;
  leaseOwner: string | null;
  leaseUntil: number | null;
  counts: RowCounts;
}

export interface StoredRow extends NewRow {
  contactId: string | null;
  attempts: number;
}

/** A row's outcome as the worker writes it. `dueAt` null: not to be sent again in this job's current work. */
export interface RowChange {
  state: RowState;
  reason: string | null;
  contactId: string | null;
  attempts: number;
  dueAt: number | null;
  doneAt: number | null;
}

/** The rows the worker acts on: pending ones while running, created ones while undoing. */
export type QueueState = Extract<RowState, 'pending' | 'created'>;

export interface JobFilter {
  /** Only these profiles; null: any. */
  profileIds: readonly string[] | null;
  /** Jobs for the account's own scope (profile_id null) too. */
  ownScope: boolean;
  limit: number;
}

export interface ImportStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Stores a running job and all its rows in one transaction. */
  create(job: NewJob, rows: readonly NewRow[]): Promise<StoredJob>;
  get(id: string): Promise<StoredJob | null>;
  /** Newest first. */
  list(filter: JobFilter): Promise<StoredJob[]>;
  /**
   * Moves a job in one of `from` to `to`, or does nothing (null). Moving to 'undoing' queues every created row
   * again (attempts from 0), in the same transaction.
   */
  transition(id: string, from: readonly JobStatus[], to: JobStatus, nowMs: number): Promise<StoredJob | null>;
  /** Takes the oldest running or undoing job whose lease is free or expired (one conditional UPDATE). */
  claim(owner: string, nowMs: number, leaseMs: number): Promise<StoredJob | null>;
  /** Extends the lease while `owner` holds it: the job's status, or null when the lease was lost. */
  renew(id: string, owner: string, nowMs: number, leaseMs: number): Promise<JobStatus | null>;
  release(id: string, owner: string): Promise<void>;
  status(id: string): Promise<JobStatus | null>;
  /** Rows in `state` due by `nowMs`, after item `afterItem`, in item order. */
  dueRows(
    id: string,
    state: QueueState,
    afterItem: number,
    nowMs: number,
    limit: number,
  ): Promise<StoredRow[]>;
  /** The earliest due time among rows still queued in `state`, or null when none is. */
  nextDue(id: string, state: QueueState): Promise<number | null>;
  saveRow(id: string, item: number, change: RowChange): Promise<void>;
  /** Rows in these states after item `afterItem`, in item order (the CSV downloads page through them). */
  rows(id: string, states: readonly RowState[], afterItem: number, limit: number): Promise<StoredRow[]>;
  /** Rows finished at or after `sinceMs`, and the newest finish time. */
  progress(id: string, sinceMs: number): Promise<{ recent: number; lastDoneAt: number | null }>;
  close(): Promise<void>;
}
