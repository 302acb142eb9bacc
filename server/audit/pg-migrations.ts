// PostgreSQL schema, as numbered migrations recorded in audit_migrations (applied by ../migrations.ts).
import type { Pool } from 'pg';
import { migratePg } from '../migrations.ts';
import { PG_LAST_TWO, pgV2 } from './pg-partitioned.ts';

const MIGRATION_LOCK = 7_263_524_101;
/** Serializes appends and retention across every replica writing to the database. */
export const CHAIN_LOCK = 7_263_524_102;

// One append in one round trip: take the chain lock, read the head (each statement of a VOLATILE function
// sees what committed before it, so the head is current once the lock is held), hash exactly as entry.ts
// does (prev + "\n" + seq + "\n" + canonical content) and insert. The lock is held for the insert and the
// commit's WAL flush, never across network round trips.
// The content is read as `json` (not jsonb): its text, and so what is hashed, stays exactly as sent.
const APPEND_V1 = `
CREATE FUNCTION audit_append(content text) RETURNS TABLE (seq bigint, prev_hash text, hash text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  j json := content::json;
  head_seq bigint;
  head_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(${CHAIN_LOCK});
  SELECT e.seq, e.hash INTO head_seq, head_hash FROM audit_entries e ORDER BY e.seq DESC LIMIT 1;
  IF NOT FOUND THEN
    SELECT c.seq, c.hash INTO head_seq, head_hash FROM audit_checkpoint c;
    IF NOT FOUND THEN head_seq := 0; head_hash := repeat('0', 64); END IF;
  END IF;
  seq := head_seq + 1;
  prev_hash := head_hash;
  hash := encode(sha256(convert_to(head_hash || E'\\n' || seq || E'\\n' || content, 'UTF8')), 'hex');
  INSERT INTO audit_entries VALUES (
    seq, (j->>'at')::timestamptz, j->>'action', j->>'outcome',
    j->>'actor_kind', j->>'actor_id', j->>'actor_name', j->>'actor_role', (j->'actor_groups')::text,
    j->>'profile_id', j->>'contact_id', j->>'phone_masked', j->>'phone_hash', j->>'request_id',
    j->>'client_address', j->>'user_agent', (j->'details')::text, prev_hash, hash);
  RETURN NEXT;
END $$;
`;

// The guard refuses UPDATE and TRUNCATE always and DELETE unless retention set audit.pruning in its
// transaction: it stops the application's own mistakes; the chain and the anchors catch a database admin.
const V1 = `
CREATE TABLE audit_entries (
  seq bigint PRIMARY KEY, at timestamptz NOT NULL, action text NOT NULL, outcome text NOT NULL,
  actor_kind text NOT NULL, actor_id text NOT NULL, actor_name text, actor_role text, actor_groups text NOT NULL,
  profile_id text, contact_id text, phone_masked text, phone_hash text, request_id text,
  client_address text, user_agent text, details text NOT NULL, prev_hash text NOT NULL, hash text NOT NULL
);
CREATE INDEX audit_by_actor ON audit_entries (actor_id, seq);
CREATE INDEX audit_by_contact ON audit_entries (contact_id, seq);
CREATE INDEX audit_by_phone ON audit_entries (phone_hash, seq);
CREATE INDEX audit_by_at ON audit_entries (at);
CREATE TABLE audit_checkpoint (
  id int PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL, hash text NOT NULL,
  at timestamptz NOT NULL, pruned_at timestamptz NOT NULL, key_id text NOT NULL, sig text NOT NULL
);
CREATE FUNCTION audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('audit.pruning', true) = 'on' THEN RETURN OLD; END IF;
  RAISE EXCEPTION 'audit entries are append-only (% refused)', TG_OP;
END $$;
CREATE TRIGGER audit_guard BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_guard();
CREATE TRIGGER audit_guard_truncate BEFORE TRUNCATE ON audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION audit_guard();
${APPEND_V1}`;

// An admin of some profiles asking for one action: their entries of it, however rare it is (plan.ts). The
// person and last-digits indexes carry the profile (and action) as SQLite's do, so a scoped admin's count of
// them is read from the index alone, not from a row per match.
const V3 = `
CREATE INDEX audit_by_profile_action ON audit_entries (profile_id, action, at, seq);
DROP INDEX audit_by_actor;
CREATE INDEX audit_by_actor ON audit_entries (actor_id, at, seq) INCLUDE (profile_id, action);
DROP INDEX audit_by_last_two;
CREATE INDEX audit_by_last_two ON audit_entries ((${PG_LAST_TWO}), at, seq) INCLUDE (profile_id, action);
`;

// The last-digits index also carries the masked number the expression reads: PostgreSQL serves an expression
// index from the index alone only when the columns under the expression are in it, so the count of a digits
// search read every matching row from its month's table (EXPLAIN ANALYZE at 1,000,000: 140 ms → 2.2 ms).
// A person within an admin's profiles is one range of its own: through the person's index, an admin asking
// for someone with few entries in their profiles read all of that person's entries (61 ms p95 at 1,000,000).
const V4 = `
DROP INDEX audit_by_last_two;
CREATE INDEX audit_by_last_two ON audit_entries ((${PG_LAST_TWO}), at, seq) INCLUDE (profile_id, action, phone_masked);
CREATE INDEX audit_by_actor_profile ON audit_entries (actor_id, profile_id, at, seq) INCLUDE (action);
`;

// A person + a number's last digits is one range of its own: through two indexes it was a BitmapAnd of the
// person's entries and the digits' (a hundredth of the trail), 163 ms p95 at 10,000,000 entries. Building it
// holds appends back while it runs, once: ~15 s at 1,000,000 entries.
const V5 = `
CREATE INDEX audit_by_actor_last_two ON audit_entries (actor_id, (${PG_LAST_TWO}), at, seq) INCLUDE (profile_id, action, phone_masked);
`;

// A person + an action asked by an admin of some profiles: through the person + action index every entry of
// theirs with that action was read to check the profile, and the planner took that one (it cannot know the
// person rarely works in the admin's profile): 115 ms p50, 163 ms p95 at 10,000,000 entries.
const V6 = `
CREATE INDEX audit_by_actor_action_profile ON audit_entries (actor_id, action, profile_id, at, seq);
`;

export const PG_MIGRATIONS: readonly string[] = [V1, pgV2(CHAIN_LOCK), V3, V4, V5, V6];

export function migrate(pool: Pool): Promise<void> {
  return migratePg(pool, { table: 'audit_migrations', lock: MIGRATION_LOCK, migrations: PG_MIGRATIONS });
}
