// Adding (POST) and removing (DELETE) contacts. Only the lazy add/remove dialogs need these, so they live apart
// from the list calls that ship with the first rows.
import { apiRequest, sendRequest } from './client';
import { newIdempotencyKey } from './contactEdits';
import type { Contact, ProfileRequest } from './contacts';
import { type ErrorBody, errorFromResponse } from './errors';

export { newIdempotencyKey };

/**
 * POST /v3/contacts. The caller keeps one key per number the person means to add, so a retry after a lost
 * answer cannot add it twice; a number already there is 409 RESOURCE_007.
 */
export function createContact(
  e164: string,
  request: ProfileRequest,
  idempotencyKey: string,
): Promise<Contact> {
  return apiRequest<Contact>('POST', '/v3/contacts', {
    ...request,
    body: { phone_number: e164 },
    idempotencyKey,
  });
}

/** DELETE /v3/contacts/{id}: 204 with no body, or an ApiError (404 RESOURCE_001 when it is not, or no longer, there). */
export async function deleteContact(id: string, request: ProfileRequest): Promise<void> {
  const { response, body } = await sendRequest('DELETE', `/v3/contacts/${encodeURIComponent(id)}`, request);
  if (!response.ok) throw errorFromResponse(response, body as ErrorBody | null);
}
