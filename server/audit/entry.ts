// One audit entry: its fields, its canonical serialization and its place in the hash chain. The same flat
// shape is stored (SQLite, PostgreSQL), hashed, returned by the query API and written to CSV.
import { createHash } from 'node:crypto';

import { AUDIT_ACTIONS, type AuditAction } from '../../src/shared/audit.ts';

export const ACTIONS = AUDIT_ACTIONS;
export type Action = AuditAction;

export const OUTCOMES = ['ok', 'hit', 'miss', 'denied', 'error'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A signed-in person, or (before sign-in exists, or for a failed one) a session seen from one client. */
export type ActorKind = 'person' | 'session';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** What is hashed: everything except the chain fields. `at` is an ISO-8601 UTC time with milliseconds. */
export interface EntryContent {
  at: string;
  action: Action;
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

/** Every stored column, in the order the query API and the CSV export present them. */
export const ENTRY_COLUMNS = [
  'seq',
  'at',
  'action',
  'outcome',
  'actor_kind',
  'actor_id',
  'actor_name',
  'actor_role',
  'actor_groups',
  'profile_id',
  'contact_id',
  'phone_masked',
  'phone_hash',
  'request_id',
  'client_address',
  'user_agent',
  'details',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof StoredEntry)[];

/** The previous hash of the very first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object)
    .filter((k) => object[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k])}`).join(',')}}`;
}

/** The content fields of an entry (drops the chain fields), e.g. to re-hash a stored row. */
export function contentOf(entry: StoredEntry): EntryContent {
  const { seq: _seq, prev_hash: _prev, hash: _hash, ...content } = entry;
  return content;
}

/**
 * sha256(prev_hash + "\n" + seq + "\n" + canonical content): moving, changing or dropping a row shows.
 * PostgreSQL computes the same bytes in its audit_append function (pg-migrations.ts).
 */
export function entryHash(prevHash: string, seq: number, content: EntryContent): string {
  return createHash('sha256')
    .update(`${prevHash}\n${seq}\n${canonicalJson(content)}`)
    .digest('hex');
}

/** The stored form of `content` as entry number `seq` after `prevHash`. */
export function chainEntry(prevHash: string, seq: number, content: EntryContent): StoredEntry {
  return { ...content, seq, prev_hash: prevHash, hash: entryHash(prevHash, seq, content) };
}
