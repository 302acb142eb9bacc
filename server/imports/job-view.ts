// A stored job as the browser sees it (ImportJob, src/shared/imports.ts): times as ISO strings, and for a job
// at work its pace over the last minute and the time left at that pace.
import type { ImportJob } from '../../src/shared/imports.ts';
import type { ImportStore, StoredJob } from './store.ts';

const MINUTE_MS = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Rows still to act on: pending while running, created while undoing; null for a job not at work. */
export function rowsLeft(job: StoredJob): number | null {
  if (job.status === 'running') return job.counts.pending;
  if (job.status === 'undoing') return job.counts.created;
  return null;
}

export interface ViewOptions {
  nowMs: number;
  /** The team's requests a minute: the pace an ETA assumes before a minute of work shows the real one. */
  budgetPerMinute: number;
}

export async function jobView(store: ImportStore, job: StoredJob, o: ViewOptions): Promise<ImportJob> {
  const left = rowsLeft(job);
  let rowsPerMin: number | null = null;
  let updatedAt = job.updatedAt;
  if (left !== null) {
    const { recent, lastDoneAt } = await store.progress(job.id, o.nowMs - MINUTE_MS);
    if (job.workSince !== null && o.nowMs - job.workSince >= MINUTE_MS) rowsPerMin = recent;
    updatedAt = Math.max(updatedAt, lastDoneAt ?? 0);
  }
  const pace = rowsPerMin || o.budgetPerMinute;
  return {
    id: job.id,
    profile_id: job.profileId,
    file_name: job.fileName,
    status: job.status,
    counts: job.counts,
    created_by: job.createdBy,
    created_at: iso(job.createdAt),
    updated_at: iso(updatedAt),
    finished_at: job.finishedAt === null ? null : iso(job.finishedAt),
    rows_per_min: rowsPerMin,
    eta_seconds: left ? Math.ceil((left / pace) * 60) : null,
    columns: job.columns,
  };
}
