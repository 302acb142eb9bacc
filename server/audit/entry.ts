// One audit entry: its fields, its canonical serialization and its place in the hash chain. The same flat
// shape is stored (SQLite, PostgreSQL), hashed, returned by the query API and written to CSV.
import { createHash } from 'node:crypto';

import {
  AUDIT_ACTIONS,
  type AuditAction,
  type EntryContent,
  type StoredEntry,
} from '../../src/shared/audit.ts';

// The entry's shape is shared with the Activity screen (src/shared/audit.ts).
export type { ActorKind, EntryContent, Json, Outcome, StoredEntry } from '../../src/shared/audit.ts';
export { AUDIT_OUTCOMES as OUTCOMES } from '../../src/shared/audit.ts';
export const ACTIONS = AUDIT_ACTIONS;
export type Action = AuditAction;

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
