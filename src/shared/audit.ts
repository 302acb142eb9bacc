// What the audit trail (server/audit) and the console's Activity screen and exporter agree on: the actions,
// the shape of an entry (stored, hashed, returned by /__audit), the export header.

/** Every kind of audit entry. */
export const AUDIT_ACTIONS = [
  'lookup',
  'contact.open',
  'number.reveal',
  'contact.edit',
  'contact.create',
  'contact.remove',
  'contacts.export',
  'contacts.import',
  'contacts.bulk_read',
  'session.sign_in',
  'session.sign_out',
  /** An admin signed a person (every session of theirs) or an access-secret session out. */
  'session.revoke',
  'audit.export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Header every page request of a contact export carries: the id its announcement got. */
export const EXPORT_HEADER = 'x-sent-export';
/** Where an export announces itself before its first page (the gateway mounts the trail at /__audit). */
export const AUDIT_EXPORTS_PATH = '/__audit/exports';

export const AUDIT_OUTCOMES = ['ok', 'hit', 'miss', 'denied', 'error'] as const;
export type Outcome = (typeof AUDIT_OUTCOMES)[number];

/** A signed-in person, or (before sign-in exists, or for a failed one) a session seen from one client. */
export type ActorKind = 'person' | 'session';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** What is hashed: everything except the chain fields. `at` is an ISO-8601 UTC time with milliseconds. */
export interface EntryContent {
  at: string;
  action: AuditAction;
  outcome: Outcome;
  actor_kind: ActorKind;
  actor_id: string;
  actor_name: string | null;
  actor_role: string | null;
  /** The groups the person had at that moment (a later change of groups does not rewrite history). */
  actor_groups: string[];
  profile_id: string | null;
  contact_id: string | null;
  /** For display: country code and last two digits ("+44••••••••23"). */
  phone_masked: string | null;
  /** HMAC-SHA256 of the E.164 number with a key the database does not hold: exact search, no clear number. */
  phone_hash: string | null;
  request_id: string | null;
  client_address: string | null;
  user_agent: string | null;
  /** Per action: lookup query, before/after of an edit, export filters and row count… */
  details: { [key: string]: Json };
}

export interface StoredEntry extends EntryContent {
  seq: number;
  prev_hash: string;
  hash: string;
}
