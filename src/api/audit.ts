// The gateway's audit routes (server/gateway/audit/routes.ts): reading the trail (admins) and the contact
// export's announcements. Not the v3 envelope: answers are plain JSON, refusals `{error: {code, message}}`.
import { AUDIT_EXPORTS_PATH, type AuditAction, EXPORT_HEADER, type StoredEntry } from '../shared/audit';
import { buildPath, type RequestOptions, sendRequest } from './client';
import { type ApiError, errorFromResponse } from './errors';

export { AUDIT_ACTIONS, type AuditAction } from '../shared/audit';
export { EXPORT_HEADER };

/** One entry as GET /__audit returns it. */
export type AuditEntry = StoredEntry;

/** The filters of GET /__audit (empty ones are left out of the URL). */
export interface AuditFilters {
  actor?: string;
  contact_id?: string;
  number?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
}

/** Where a page starts: older than an entry, or newer than one (cursors from a previous answer). */
export type AuditCursor = { before: string } | { after: string };

export interface AuditPage {
  data: AuditEntry[];
  pagination: {
    page_size: number;
    /** At most 10,000: when total_exact is false there are more than `total`. */
    total: number;
    total_exact: boolean;
    /** Cursors of the next older / newer page, null at either end. */
    older: string | null;
    newer: string | null;
  };
}

/** Someone who appears in the trail (GET /__audit/people). */
export interface AuditPerson {
  id: string;
  name: string | null;
  kind: 'person' | 'session';
  role: string | null;
}

async function auditRequest<T>(method: string, path: string, options: RequestOptions & { body?: unknown }) {
  const { response, body } = await sendRequest(method, path, options);
  if (!response.ok) throw errorFromResponse(response, body as Parameters<typeof errorFromResponse>[1]);
  return body as T;
}

export function listAuditEntries(
  query: AuditFilters & Partial<{ before: string; after: string }> & { page_size: number },
  signal?: AbortSignal,
): Promise<AuditPage> {
  return auditRequest<AuditPage>('GET', '/__audit', { query: { ...query }, signal });
}

/** People whose name or id contains `q` (the person filter chooses from them). */
export async function listAuditPeople(q: string, signal?: AbortSignal): Promise<AuditPerson[]> {
  return (await auditRequest<{ data: AuditPerson[] }>('GET', '/__audit/people', { query: { q }, signal }))
    .data;
}

/** Where the CSV of every entry matching `filters` downloads from (the download itself is recorded). */
export function auditCsvPath(filters: AuditFilters): string {
  return buildPath('/__audit/export.csv', { ...filters });
}

/** Starts a contact export's audit record; null when this gateway keeps no trail (404). */
export async function announceExport(
  filters: Record<string, string>,
  profileId: string | null,
): Promise<string | null> {
  try {
    const { id } = await auditRequest<{ id: string }>('POST', AUDIT_EXPORTS_PATH, {
      body: { filters, profile_id: profileId },
    });
    return id;
  } catch (error) {
    if ((error as ApiError).status === 404) return null;
    throw error;
  }
}

export function finishExport(
  id: string,
  status: 'done' | 'cancelled' | 'failed',
  rowCount: number,
): Promise<unknown> {
  return auditRequest('POST', `/__audit/exports/${encodeURIComponent(id)}/finish`, {
    body: { status, row_count: rowCount },
  });
}
