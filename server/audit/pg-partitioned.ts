// PostgreSQL migration 2: the trail partitioned by month (of `at`, UTC), so retention drops a month's table
// instead of deleting millions of rows, and a time range reads only its months. Existing rows are copied
// into the partitioned table unchanged (hashes untouched). Indexes as in SQLite (sqlite-schema.ts): the
// driving column, then (at, seq); PostgreSQL combines two of them (bitmap AND) for a combination.
//
// A month's partition is created when first needed: ahead of time by the store (this month and the next,
// on open and hourly) and, should an entry come first, by audit_append itself under the chain lock.

/** The last two digits as the masked number shows them ("+44••••••••23" → "23"): what a digits search reads. */
export const PG_LAST_TWO = 'right(phone_masked, 2)';

const COLUMNS = `
  seq bigint NOT NULL, at timestamptz NOT NULL, action text NOT NULL, outcome text NOT NULL,
  actor_kind text NOT NULL, actor_id text NOT NULL, actor_name text, actor_role text, actor_groups text NOT NULL,
  profile_id text, contact_id text, phone_masked text, phone_hash text, request_id text,
  client_address text, user_agent text, details text NOT NULL, prev_hash text NOT NULL, hash text NOT NULL`;

// Months are UTC: partition audit_entries_2025_03 holds [2025-03-01T00:00Z, 2025-04-01T00:00Z).
const ENSURE_PARTITION = `
CREATE FUNCTION audit_ensure_partition(t timestamptz) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  lo timestamp := date_trunc('month', t AT TIME ZONE 'UTC');
  name text := 'audit_entries_' || to_char(lo, 'YYYY_MM');
BEGIN
  IF to_regclass(name) IS NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF audit_entries FOR VALUES FROM (%L) TO (%L)',
      name, (lo AT TIME ZONE 'UTC')::text, ((lo + interval '1 month') AT TIME ZONE 'UTC')::text);
  END IF;
  RETURN name;
END $$;`;

const append = (chainLock: number) => `
CREATE OR REPLACE FUNCTION audit_append(content text) RETURNS TABLE (seq bigint, prev_hash text, hash text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  j json := content::json;
  t timestamptz := (j->>'at')::timestamptz;
  head_seq bigint;
  head_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(${chainLock});
  SELECT e.seq, e.hash INTO head_seq, head_hash FROM audit_entries e ORDER BY e.seq DESC LIMIT 1;
  IF NOT FOUND THEN
    SELECT c.seq, c.hash INTO head_seq, head_hash FROM audit_checkpoint c;
    IF NOT FOUND THEN head_seq := 0; head_hash := repeat('0', 64); END IF;
  END IF;
  seq := head_seq + 1;
  prev_hash := head_hash;
  hash := encode(sha256(convert_to(head_hash || E'\\n' || seq || E'\\n' || content, 'UTF8')), 'hex');
  PERFORM audit_ensure_partition(t);
  INSERT INTO audit_entries VALUES (
    seq, t, j->>'action', j->>'outcome',
    j->>'actor_kind', j->>'actor_id', j->>'actor_name', j->>'actor_role', (j->'actor_groups')::text,
    j->>'profile_id', j->>'contact_id', j->>'phone_masked', j->>'phone_hash', j->>'request_id',
    j->>'client_address', j->>'user_agent', (j->'details')::text, prev_hash, hash);
  INSERT INTO audit_people AS p VALUES (
    j->>'actor_id', coalesce(j->>'profile_id', ''), j->>'actor_kind', j->>'actor_name', j->>'actor_role')
  ON CONFLICT (actor_id, profile_key) DO UPDATE SET
    actor_kind = excluded.actor_kind, actor_name = excluded.actor_name, actor_role = excluded.actor_role
  WHERE (p.actor_kind, p.actor_name, p.actor_role)
    IS DISTINCT FROM (excluded.actor_kind, excluded.actor_name, excluded.actor_role);
  RETURN NEXT;
END $$;`;

export const pgV2 = (chainLock: number) => `
ALTER TABLE audit_entries RENAME TO audit_entries_v1;
CREATE TABLE audit_entries (${COLUMNS}
) PARTITION BY RANGE (at);
${ENSURE_PARTITION}
SELECT audit_ensure_partition(month)
  FROM (SELECT DISTINCT date_trunc('month', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS month FROM audit_entries_v1) m;
INSERT INTO audit_entries SELECT * FROM audit_entries_v1;
DROP TABLE audit_entries_v1;
CREATE INDEX audit_by_seq ON audit_entries (seq);
CREATE INDEX audit_by_at ON audit_entries (at, seq);
CREATE INDEX audit_by_actor ON audit_entries (actor_id, at, seq);
CREATE INDEX audit_by_actor_action ON audit_entries (actor_id, action, at, seq);
CREATE INDEX audit_by_action ON audit_entries (action, at, seq);
CREATE INDEX audit_by_last_two ON audit_entries ((${PG_LAST_TWO}), at, seq);
CREATE INDEX audit_by_profile ON audit_entries (profile_id, at, seq);
CREATE INDEX audit_by_contact ON audit_entries (contact_id, at, seq);
CREATE INDEX audit_by_phone ON audit_entries (phone_hash, at, seq);
CREATE TRIGGER audit_guard BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_guard();
CREATE TRIGGER audit_guard_truncate BEFORE TRUNCATE ON audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION audit_guard();
CREATE TABLE audit_people (
  actor_id text NOT NULL, profile_key text NOT NULL, actor_kind text NOT NULL, actor_name text, actor_role text,
  PRIMARY KEY (actor_id, profile_key)
);
INSERT INTO audit_people
  SELECT DISTINCT ON (actor_id, coalesce(profile_id, '')) actor_id, coalesce(profile_id, ''), actor_kind,
    actor_name, actor_role
  FROM audit_entries ORDER BY actor_id, coalesce(profile_id, ''), seq DESC;
${append(chainLock)}`;
