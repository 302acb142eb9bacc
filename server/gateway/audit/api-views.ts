// Which API calls are audit entries, and what each entry says, read from the request and the upstream's
// answer: a lookup (GET /v3/contacts?phone=…: hit or miss), a contact opened (GET /v3/contacts/{id}), an
// edit (PATCH /v3/contacts/{id}: the fields that changed, before and after), a contact added (POST
// /v3/contacts: the number sent, the contact made) or removed (DELETE /v3/contacts/{id}: the number it had),
// and a contact export's pages (counted, not recorded one by one). Browsing the list is not an entry, but a
// search whose answer singles out one contact by number (its full digits, or the only match) is a lookup.
import { NUMBER_FIELDS } from '../../../src/shared/person.ts';
import { MAX_BODY_BYTES } from '../middleware/body-limit.ts';
import { EXPORT_HEADER } from './exports.ts';
import type { GatewayRecord } from './types.ts';

export type ApiView =
  | { action: 'lookup'; phone: string }
  | { action: 'search'; digits: string }
  | { action: 'contact.open' | 'contact.edit' | 'contact.remove'; contactId: string }
  | { action: 'contact.create' }
  | { action: 'export.page'; exportId: string };

const CONTACT_PATH = /^\/v3\/contacts\/([A-Za-z0-9_-]{1,128})$/;
/** Always differs after an edit, and says nothing about what was changed. */
const UNCOMPARED = new Set(['updated_at']);

export function apiViewOf(req: Request): ApiView | null {
  const url = new URL(req.url);
  if (url.pathname === '/v3/contacts' && req.method === 'POST') return { action: 'contact.create' };
  if (url.pathname === '/v3/contacts' && req.method === 'GET') {
    const phone = url.searchParams.get('phone')?.trim();
    if (phone) return { action: 'lookup', phone };
    const exportId = req.headers.get(EXPORT_HEADER);
    if (exportId) return { action: 'export.page', exportId };
    const digits = (url.searchParams.get('search') ?? '').replace(/\D/g, '');
    return digits ? { action: 'search', digits } : null;
  }
  const contactId = CONTACT_PATH.exec(url.pathname)?.[1];
  if (!contactId) return null;
  if (req.method === 'GET') return { action: 'contact.open', contactId };
  if (req.method === 'PATCH') return { action: 'contact.edit', contactId };
  if (req.method === 'DELETE') return { action: 'contact.remove', contactId };
  return null;
}

/** Views whose request body the entry reads (the number to add, a sandbox flag). */
export const readsBody = (view: ApiView) =>
  view.action === 'contact.create' || view.action === 'contact.remove';

/**
 * The JSON object a request sent, read from a copy so the request still goes on; null without one. Only a
 * body that declares its length within the gateway's limit is read (anything larger is refused anyway).
 */
export async function sentFields(req: Request): Promise<Fields | null> {
  const length = Number(req.headers.get('content-length'));
  if (!(length > 0 && length <= MAX_BODY_BYTES)) return null;
  try {
    return asFields(JSON.parse(await req.clone().text()));
  } catch {
    return null;
  }
}

type Fields = Record<string, unknown>;

/** The envelope's `data`, or null (not JSON, or an error). */
export async function dataOf(res: Response): Promise<unknown> {
  if (!res.ok) return null;
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { data?: unknown } | null;
  return body?.data ?? null;
}

const asFields = (value: unknown): Fields | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : null;

export function rowsOf(data: unknown): Fields[] {
  const contacts = asFields(data)?.contacts;
  if (!Array.isArray(contacts)) return [];
  return contacts.flatMap((c) => {
    const fields = asFields(c);
    return fields ? [fields] : [];
  });
}

function outcomeOf(status: number): 'ok' | 'denied' | 'error' {
  if (status >= 200 && status < 300) return 'ok';
  return status === 401 || status === 403 ? 'denied' : 'error';
}

/** Status and, for a failure, the error code: why an entry is not ok. */
async function statusDetails(res: Response): Promise<Fields> {
  if (res.ok) return { status: res.status };
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { error?: { code?: unknown } } | null;
  const code = body?.error?.code;
  return typeof code === 'string' ? { status: res.status, code } : { status: res.status };
}

/** Only the fields whose value changed (and their old and new values). */
export function changedFields(before: Fields, after: Fields): { before: Fields; after: Fields } {
  const out = { before: {} as Fields, after: {} as Fields };
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (UNCOMPARED.has(key) || JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    out.before[key] = before[key] ?? null;
    out.after[key] = after[key] ?? null;
  }
  return out;
}

const digitsOf = (value: unknown) => (typeof value === 'string' ? value.replace(/\D/g, '') : '');

/** The contact a search's answer singles out: one whose number is the digits searched, or the only match. */
function singledOut(data: unknown, digits: string): Fields | null {
  const rows = rowsOf(data);
  const exact = rows.find((row) => NUMBER_FIELDS.some((field) => digitsOf(row[field]) === digits));
  const total = (asFields(data)?.pagination as Fields | undefined)?.total_count;
  return exact ?? (rows.length === 1 && total === 1 ? (rows[0] ?? null) : null);
}

const phoneOf = (contact: Fields | null): string | null =>
  typeof contact?.phone_number === 'string' ? contact.phone_number : null;

/** What an add or removal was beyond its outcome: simulated (sandbox), or a replay that did nothing new. */
function mutationFlags(sent: Fields | null, res: Response): Fields {
  return {
    ...(sent?.sandbox === true ? { sandbox: true } : {}),
    ...(res.headers.get('idempotent-replayed') === 'true' ? { replayed: true } : {}),
  };
}

/**
 * The entry for an answered lookup, open, edit, add or removal, or a search that singled out a contact (null
 * for one that did not). `before` is the contact as a GET just before the PATCH or DELETE saw it (null when
 * that GET failed or was not made); `sent` the request's JSON body.
 */
export async function entryFor(
  view: Exclude<ApiView, { action: 'export.page' }>,
  res: Response,
  profileId: string | null,
  before: Fields | null,
  sent: Fields | null = null,
): Promise<GatewayRecord | null> {
  const data = await dataOf(res);
  const details = await statusDetails(res);
  if (view.action === 'search') {
    const found = singledOut(data, view.digits);
    if (!found) return null;
    const contactId = typeof found.id === 'string' ? found.id : null;
    const phone = phoneOf(found);
    return {
      action: 'lookup',
      outcome: 'hit',
      profileId,
      contactId,
      phone,
      details: { ...details, via: 'search' },
    };
  }
  if (view.action === 'lookup') {
    const found = rowsOf(data)[0] ?? null;
    // A miss is an answer: 404 RESOURCE_001 from the API (or an empty page).
    const miss = res.status === 404 || (res.ok && !found);
    const outcome = found ? 'hit' : miss ? 'miss' : outcomeOf(res.status);
    return {
      action: 'lookup',
      outcome,
      profileId,
      contactId: typeof found?.id === 'string' ? found.id : null,
      phone: phoneOf(found) ?? view.phone,
      details,
    };
  }
  const contact = asFields(data);
  const outcome = outcomeOf(res.status);
  if (view.action === 'contact.create') {
    const contactId = typeof contact?.id === 'string' ? contact.id : null;
    const phone = phoneOf(contact) ?? phoneOf(sent);
    const flags = mutationFlags(sent, res);
    return {
      action: 'contact.create',
      outcome,
      profileId,
      contactId,
      phone,
      details: { ...details, ...flags },
    };
  }
  const common = {
    outcome,
    profileId,
    contactId: view.contactId,
    phone: phoneOf(contact) ?? phoneOf(before),
  };
  if (view.action === 'contact.open') return { ...common, action: 'contact.open', details };
  if (view.action === 'contact.remove')
    return { ...common, action: 'contact.remove', details: { ...details, ...mutationFlags(sent, res) } };
  const change =
    contact && before ? changedFields(before, contact) : { before: before ?? {}, after: contact ?? {} };
  return { ...common, action: 'contact.edit', details: { ...details, ...change } };
}
