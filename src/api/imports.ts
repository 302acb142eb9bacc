// The gateway's import jobs (server/imports; contract in src/shared/imports.ts): start one, follow it, pause,
// resume, cancel or undo it, download its rows. Answers use the gateway's envelope, like /v3.
import { IMPORTS_PATH, type ImportJob, type ImportRequest, type RowDownload } from '../shared/imports';
import { apiGet, apiRequest, buildPath } from './client';

export type { ImportJob, ImportRequest, RowDownload };

export type ImportAction = 'pause' | 'resume' | 'cancel' | 'undo';

const jobPath = (id: string) => `${IMPORTS_PATH}/${encodeURIComponent(id)}`;

/** Recent jobs, newest first (at most 50). */
export function listImports(signal?: AbortSignal): Promise<ImportJob[]> {
  return apiGet<ImportJob[]>(IMPORTS_PATH, { signal });
}

export function getImport(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return apiGet<ImportJob>(jobPath(id), { signal });
}

export function startImport(request: ImportRequest): Promise<ImportJob> {
  return apiRequest<ImportJob>('POST', IMPORTS_PATH, { body: request });
}

export function actOnImport(id: string, action: ImportAction): Promise<ImportJob> {
  return apiRequest<ImportJob>('POST', `${jobPath(id)}/${action}`);
}

/** Where a job's failed or created rows download from (CSV, served by the gateway). */
export function importRowsCsvPath(id: string, state: RowDownload): string {
  return buildPath(`${jobPath(id)}/rows.csv`, { state });
}
