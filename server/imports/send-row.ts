// One row's API call and what its answer means. Importing: POST /v3/contacts with the row's deterministic
// Idempotency-Key (a row sent again after a crash gets the first answer back: one contact, never two).
// Undoing: DELETE /v3/contacts/{id}. Both through the gateway's own API routes as background work of the team
// budget, queued as the job's own requester, so people's requests go first.
import { importRowKey } from '../../src/shared/imports.ts';
import type { ApiCall } from './host.ts';
import type { StoredJob, StoredRow } from './store.ts';

export type WorkMode = 'import' | 'undo';

export type RowAnswer =
  /** created / existed (import), removed (undo; `gone`: it was not there any more). */
  | {
      kind: 'done';
      state: 'created' | 'existed' | 'removed';
      contactId: string | null;
      requestId: string | null;
      gone?: boolean;
    }
  /** The API refused it for good (a 4xx): the reason is its code and message. */
  | { kind: 'refused'; reason: string }
  /** 429 or 5xx from the API, or the API unreachable: worth another attempt later. */
  | { kind: 'transient'; reason: string; retryAfterMs: number | null }
  /** The team budget set it aside (GATEWAY_011/012): send it again after this long, no attempt spent. */
  | { kind: 'shed'; retryAfterMs: number }
  /** The worker stopped while the call was out (499): nothing is known, the row stays as it was. */
  | { kind: 'interrupted' };

const BUDGET_CODES = new Set(['GATEWAY_011', 'GATEWAY_012']);
const ORIGIN = 'http://gateway.internal';

export const requesterOf = (jobId: string) => `import:${jobId}`;

async function requestFor(job: StoredJob, row: StoredRow, mode: WorkMode, signal: AbortSignal) {
  const headers = new Headers({ accept: 'application/json' });
  if (job.profileId) headers.set('x-profile-id', job.profileId);
  if (mode === 'undo') {
    return new Request(`${ORIGIN}/v3/contacts/${encodeURIComponent(row.contactId ?? '')}`, {
      method: 'DELETE',
      headers,
      signal,
    });
  }
  const phone = row.phone ?? '';
  headers.set('content-type', 'application/json');
  headers.set('idempotency-key', await importRowKey(job.fileSha256, row.row, phone));
  return new Request(`${ORIGIN}/v3/contacts`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ phone_number: phone }),
    signal,
  });
}

interface Body {
  data?: { id?: unknown } | null;
  error?: { code?: unknown; message?: unknown } | null;
}

const retryAfterMs = (res: Response) => {
  const seconds = Number(res.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
};

export function classify(res: Response, body: Body | null, mode: WorkMode): RowAnswer {
  const code = typeof body?.error?.code === 'string' ? body.error.code : `HTTP ${res.status}`;
  const reason = typeof body?.error?.message === 'string' ? `${code}: ${body.error.message}` : code;
  const requestId = res.headers.get('x-request-id');
  if (res.status === 499) return { kind: 'interrupted' };
  if (res.status === 429 && BUDGET_CODES.has(code))
    return { kind: 'shed', retryAfterMs: retryAfterMs(res) ?? 1000 };
  if (mode === 'import') {
    if (res.ok) {
      const id = typeof body?.data?.id === 'string' ? body.data.id : null;
      return { kind: 'done', state: 'created', contactId: id, requestId };
    }
    if (res.status === 409 && code === 'RESOURCE_007')
      return { kind: 'done', state: 'existed', contactId: null, requestId };
  } else if (res.ok || res.status === 404) {
    return { kind: 'done', state: 'removed', contactId: null, requestId, gone: res.status === 404 };
  }
  if (res.status === 429 || res.status >= 500)
    return { kind: 'transient', reason, retryAfterMs: retryAfterMs(res) };
  return { kind: 'refused', reason };
}

/** Sends one row; never throws (a failure to call at all is transient). */
export async function sendRow(
  api: ApiCall,
  job: StoredJob,
  row: StoredRow,
  mode: WorkMode,
  signal: AbortSignal,
): Promise<RowAnswer> {
  try {
    const res = await api(await requestFor(job, row, mode, signal), {
      requester: requesterOf(job.id),
      priority: 'background',
    });
    const body = res.status === 204 ? null : ((await res.json().catch(() => null)) as Body | null);
    return classify(res, body, mode);
  } catch (error) {
    if (signal.aborted) return { kind: 'interrupted' };
    return {
      kind: 'transient',
      reason: error instanceof Error ? error.message : String(error),
      retryAfterMs: null,
    };
  }
}
