// The SQLite trail's schema, as numbered migrations (user_version; ../migrations.ts). A file written by an
// older gateway is migrated in place on open: its rows and hashes are untouched, only indexes and the people
// directory are added.

import type { Sql } from './plan.ts';

// Triggers refuse UPDATE always and DELETE unless retention opened the gate inside its own transaction:
// they stop the application's own mistakes; the hash chain and anchors are what catch a database admin.
const V1 = `
CREATE TABLE audit_entries (
  seq INTEGER PRIMARY KEY, at TEXT NOT NULL, action TEXT NOT NULL, outcome TEXT NOT NULL,
  actor_kind TEXT NOT NULL, actor_id TEXT NOT NULL, actor_name TEXT, actor_role TEXT, actor_groups TEXT NOT NULL,
  profile_id TEXT, contact_id TEXT, phone_masked TEXT, phone_hash TEXT, request_id TEXT,
  client_address TEXT, user_agent TEXT, details TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL
);
CREATE INDEX audit_by_actor ON audit_entries (actor_id, seq);
CREATE INDEX audit_by_contact ON audit_entries (contact_id, seq);
CREATE INDEX audit_by_phone ON audit_entries (phone_hash, seq);
CREATE INDEX audit_by_at ON audit_entries (at);
CREATE TABLE audit_checkpoint (
  id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL, at TEXT NOT NULL,
  pruned_at TEXT NOT NULL, key_id TEXT NOT NULL, sig TEXT NOT NULL
);
CREATE TABLE audit_prune_gate (id INTEGER PRIMARY KEY CHECK (id = 1), open INTEGER NOT NULL);
INSERT INTO audit_prune_gate VALUES (1, 0);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_entries
  BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_entries
  WHEN (SELECT open FROM audit_prune_gate) = 0
  BEGIN SELECT RAISE(ABORT, 'audit entries are deleted by retention only'); END;
`;

/** The last two digits as the masked number shows them ("+44••••••••23" → "23"): what a digits search reads. */
export const SQLITE_LAST_TWO = 'substr(phone_masked, -2)';

// Every index is (driving column, at, seq): equality, time range and keyset order in one range read. The
// wide ones also carry the columns other filters test (action, last digits, profile), so a combination is
// checked from the index before the row is read, and a count never reads rows at all (plan.ts).
// audit_people: who appears in the trail, per profile (a name fragment is looked up here, not in entries).
const V2 = `
DROP INDEX audit_by_actor;
DROP INDEX audit_by_contact;
DROP INDEX audit_by_phone;
CREATE INDEX audit_by_actor ON audit_entries (actor_id, at, seq, action, ${SQLITE_LAST_TWO}, profile_id);
CREATE INDEX audit_by_actor_action ON audit_entries (actor_id, action, at, seq, ${SQLITE_LAST_TWO}, profile_id);
CREATE INDEX audit_by_action ON audit_entries (action, at, seq, ${SQLITE_LAST_TWO}, profile_id);
CREATE INDEX audit_by_last_two ON audit_entries (${SQLITE_LAST_TWO}, at, seq, action, profile_id);
CREATE INDEX audit_by_profile ON audit_entries (profile_id, at, seq, action);
CREATE INDEX audit_by_contact ON audit_entries (contact_id, at, seq);
CREATE INDEX audit_by_phone ON audit_entries (phone_hash, at, seq);
CREATE TABLE audit_people (
  actor_id TEXT NOT NULL, profile_key TEXT NOT NULL, actor_kind TEXT NOT NULL, actor_name TEXT, actor_role TEXT,
  PRIMARY KEY (actor_id, profile_key)
) WITHOUT ROWID;
INSERT INTO audit_people
  SELECT actor_id, coalesce(profile_id, ''), actor_kind, actor_name, actor_role FROM audit_entries
  WHERE seq IN (SELECT max(seq) FROM audit_entries GROUP BY actor_id, coalesce(profile_id, ''));
`;

// An admin of some profiles asking for one action: their entries of it, however rare it is (plan.ts).
const V3 = `
CREATE INDEX audit_by_profile_action ON audit_entries (profile_id, action, at, seq, ${SQLITE_LAST_TWO});
`;

// A person within an admin's profiles: one range, not every entry of that person checked for the profile.
const V4 = `
CREATE INDEX audit_by_actor_profile ON audit_entries (actor_id, profile_id, at, seq, action, ${SQLITE_LAST_TWO});
`;

export const SQLITE_MIGRATIONS: readonly string[] = [V1, V2, V3, V4];

/** Keeps the people directory current; writes only when someone is new or their name or role changed. */
export const SQLITE_PERSON_UPSERT = `
INSERT INTO audit_people (actor_id, profile_key, actor_kind, actor_name, actor_role) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (actor_id, profile_key) DO UPDATE SET
  actor_kind = excluded.actor_kind, actor_name = excluded.actor_name, actor_role = excluded.actor_role
WHERE actor_kind IS NOT excluded.actor_kind OR actor_name IS NOT excluded.actor_name
  OR actor_role IS NOT excluded.actor_role`;

/** After retention: people none of whose remaining entries (in that profile) is left. */
const PERSON_GONE = `NOT EXISTS (
  SELECT 1 FROM audit_entries INDEXED BY audit_by_actor WHERE actor_id = audit_people.actor_id
    AND (profile_id = audit_people.profile_key OR (profile_id IS NULL AND audit_people.profile_key = '')))`;
export const SQLITE_PEOPLE_CLEANUP = `DELETE FROM audit_people WHERE ${PERSON_GONE}`;

/** Each index's key but seq, written for a table alias (retention's warm-up below). */
const INDEX_KEYS: Record<string, (t: string) => string[]> = {
  audit_by_at: (t) => [`${t}.at`],
  audit_by_actor: (t) => [`${t}.actor_id`, `${t}.at`],
  audit_by_actor_action: (t) => [`${t}.actor_id`, `${t}.action`, `${t}.at`],
  audit_by_actor_profile: (t) => [`${t}.actor_id`, `${t}.profile_id`, `${t}.at`],
  audit_by_action: (t) => [`${t}.action`, `${t}.at`],
  audit_by_last_two: (t) => [`substr(${t}.phone_masked, -2)`, `${t}.at`],
  audit_by_profile: (t) => [`${t}.profile_id`, `${t}.at`],
  audit_by_profile_action: (t) => [`${t}.profile_id`, `${t}.action`, `${t}.at`],
  audit_by_contact: (t) => [`${t}.contact_id`, `${t}.at`],
  audit_by_phone: (t) => [`${t}.phone_hash`, `${t}.at`],
};

const entriesOf = (index: string, key: (t: string) => string[]) => {
  const on = key('e').map((column, i) => `${column} IS ${key('r')[i]}`);
  // CROSS JOIN keeps r (the rows, by seq) outside: each row's entry is one descent of the index.
  return `(SELECT count(*) FROM audit_entries r CROSS JOIN audit_entries e INDEXED BY ${index}
    ON ${on.join(' AND ')} AND e.seq = r.seq WHERE r.seq BETWEEN ? AND ?)`;
};
const WARM_SQL = `SELECT ${Object.entries(INDEX_KEYS)
  .map(([index, key]) => entriesOf(index, key))
  .join(' + ')} AS n`;

/**
 * Reads every page a retention step deleting seq `first`..`last` will change: the rows and their entry in
 * each index. Run on another thread before the step (sqlite-store.ts), it brings pages from the disk into
 * the OS cache there, so the step, which holds the write lock and the gateway's thread, does not wait for
 * the disk.
 */
export const sqlitePruneWarm = (first: number, last: number): Sql => ({
  sql: WARM_SQL,
  params: Object.keys(INDEX_KEYS).flatMap(() => [first, last]),
});

/** The people cleanup's reads, for the same warm-up. */
export const SQLITE_PEOPLE_GONE: Sql = {
  sql: `SELECT count(*) AS n FROM audit_people WHERE ${PERSON_GONE}`,
  params: [],
};
