// Who is signed in, as the gateway tells the browser (GET /__me) and the routes both sides name. Neutral code:
// the gateway (server/gateway/identity, routes/person.ts) and the console (src/api/person.ts) share it.

export const ROLES = ['viewer', 'agent', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** GET: `{success, data: {person}}`; person is null without staff sign-in (loopback demo, access secret). */
export const ME_PATH = '/__me';
/** POST `${REVEAL_PREFIX}{contactId}` (x-profile-id as for the API): one contact's unmasked numbers, recorded. */
export const REVEAL_PREFIX = '/__reveal/';
export const STAFF_SIGN_IN_PATH = '/auth/sign-in';
export const STAFF_SIGN_OUT_PATH = '/auth/sign-out';

/** What a role may do that the console shows or hides. */
export interface PersonCan {
  /** false: the gateway masks every number; one may be revealed (and that is recorded). */
  seeNumbers: boolean;
  edit: boolean;
  export: boolean;
  /** The Activity screen (the audit trail). */
  readAudit: boolean;
  /** Add, import and remove contacts. */
  manageContacts: boolean;
}

export interface SignedInPerson {
  name: string;
  email: string | null;
  role: Role;
  /** '*' = every profile and the account's own scope; otherwise only these profile ids. */
  profiles: '*' | readonly string[];
  can: PersonCan;
}

/** The fields of a contact (v3 snake_case, v1 camelCase) that hold its number in some format. */
export const NUMBER_FIELDS = [
  'phone_number',
  'format_e164',
  'format_international',
  'format_national',
  'format_rfc',
  'phoneNumber',
  'formatE164',
  'formatInternational',
  'formatNational',
  'formatRfc',
] as const;

export type RevealedNumbers = { id: string } & Partial<Record<(typeof NUMBER_FIELDS)[number], string | null>>;
