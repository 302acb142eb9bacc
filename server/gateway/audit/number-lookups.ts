// `number.lookup` entries: someone saw what a number is (GET /v3/numbers/lookup/{phone_number}, or a contact's
// Reachability card through /__numbers/contact/{id}). The number goes to the trail masked and hashed (the
// recorder's job); an answer from the gateway's cache is recorded too (a person saw it), with `cache: hit`. The
// cache outcome comes from the gateway's context, never a header: the browser is not told (headers.ts).
import { NUMBER_LOOKUP } from '../allowlist.ts';
import type { GatewayRecord } from './types.ts';

export type NumberLookupView = { action: 'number.lookup'; phone: string };

/** The view for a browser's number lookup, or null for any other request. */
export function numberLookupViewOf(req: Request): NumberLookupView | null {
  if (req.method !== 'GET') return null;
  const segment = NUMBER_LOOKUP.exec(new URL(req.url).pathname)?.[1];
  if (!segment) return null;
  let phone = segment;
  try {
    phone = decodeURIComponent(segment);
  } catch {
    // A malformed escape stays as it came; the API refuses it and the entry says so.
  }
  return { action: 'number.lookup', phone };
}

type Fields = Record<string, unknown>;

async function bodyOf(res: Response): Promise<Fields | null> {
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as Fields | null;
  return body && typeof body === 'object' ? body : null;
}

function outcomeOf(status: number): 'ok' | 'denied' | 'error' {
  if (status >= 200 && status < 300) return 'ok';
  return status === 401 || status === 403 ? 'denied' : 'error';
}

/**
 * The entry for an answered number lookup: the number (as the API wrote it, else as asked), what it is, and
 * whether the gateway's cache answered (`cache`: hit, miss, shared). `contactId` when it was a contact's
 * number (the card).
 */
export async function numberLookupEntry(
  view: NumberLookupView,
  res: Response,
  profileId: string | null,
  { contactId = null, cache }: { contactId?: string | null; cache?: string } = {},
): Promise<GatewayRecord> {
  const body = await bodyOf(res);
  const data = (res.ok ? body?.data : null) as Fields | null | undefined;
  const code = (body?.error as Fields | null | undefined)?.code;
  return {
    action: 'number.lookup',
    outcome: outcomeOf(res.status),
    profileId,
    contactId,
    phone: typeof data?.phone_number === 'string' ? data.phone_number : view.phone,
    details: {
      status: res.status,
      ...(typeof code === 'string' ? { code } : {}),
      ...(typeof data?.line_type === 'string' ? { line_type: data.line_type } : {}),
      ...(cache ? { cache } : {}),
    },
  };
}
