// The number lookup paths both sides name: Sent's own (GET /v3/numbers/lookup/{phone_number}) and the
// gateway's for a contact's number (the Reachability card), which people whose numbers are masked can use too.

/** GET `${CONTACT_NUMBER_PREFIX}{contactId}` (x-profile-id as for the API): that contact's number looked up. */
export const CONTACT_NUMBER_PREFIX = '/__numbers/contact/';

/**
 * Sent's lookup of one number, spelt as the gateway's canonical path (server/gateway/middleware/canonical-path.ts):
 * percent-encoded except the characters a path segment may hold as they are ('+', ':', ';', '=', ',', '@', '$',
 * '&'), so `+44…` is not answered with a redirect first. One spelling per number: one cache key.
 */
export const numberLookupPath = (phone: string) =>
  `/v3/numbers/lookup/${encodeURIComponent(phone).replace(/%(2B|3A|3B|3D|2C|40|24|26)/g, (m) => decodeURIComponent(m))}`;

export const contactNumberPath = (contactId: string) =>
  `${CONTACT_NUMBER_PREFIX}${encodeURIComponent(contactId)}`;
