// The number lookup paths both sides name: Sent's own (GET /v3/numbers/lookup/{phone_number}) and the
// gateway's for a contact's number (the Reachability card), which people whose numbers are masked can use too.

/** GET `${CONTACT_NUMBER_PREFIX}{contactId}` (x-profile-id as for the API): that contact's number looked up. */
export const CONTACT_NUMBER_PREFIX = '/__numbers/contact/';

/** Sent's lookup of one number; the number always percent-encoded, so the gateway caches one key per number. */
export const numberLookupPath = (phone: string) => `/v3/numbers/lookup/${encodeURIComponent(phone)}`;

export const contactNumberPath = (contactId: string) =>
  `${CONTACT_NUMBER_PREFIX}${encodeURIComponent(contactId)}`;
