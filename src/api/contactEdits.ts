// Contact edits (PATCH). Only the detail screen's lazy chunk needs these, so they live apart from the list
// calls that ship with the first rows.
import { apiRequest } from './client';
import type { Channel, Contact, ProfileRequest } from './contacts';

/** The fields the console edits (PATCH /v3/contacts/:id); inherited contacts are read-only. */
export interface ContactPatch {
  opt_out?: boolean;
  default_channel?: Channel;
}

/** A fresh key per edit: a retried request is then applied once, while two separate edits stay separate. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; a console reached over plain http on a LAN still gets a random key.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

export function updateContact(
  id: string,
  patch: ContactPatch,
  request: ProfileRequest,
  idempotencyKey = newIdempotencyKey(),
): Promise<Contact> {
  return apiRequest<Contact>('PATCH', `/v3/contacts/${encodeURIComponent(id)}`, {
    ...request,
    body: patch,
    idempotencyKey,
  });
}
