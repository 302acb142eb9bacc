// SQL both stores share: columns, inserts, rows ↔ entries (the filters' SQL is plan.ts). SQLite takes `?`
// placeholders and PostgreSQL `$1`, so the builders take the placeholder style as an argument.
import { canonicalJson, ENTRY_COLUMNS, type StoredEntry } from './entry.ts';
import type { AuditPerson, AuditVisibility, Checkpoint } from './store.ts';

export type Placeholder = (n: number) => string;
// better-sqlite3 binds plain `?` in order (it rejects numbered `?1`); every builder uses each parameter once, in order.
export const sqlitePlaceholder: Placeholder = () => '?';
export const pgPlaceholder: Placeholder = (n) => `$${n}`;

export const COLUMNS_SQL = ENTRY_COLUMNS.join(', ');

export function insertSql(ph: Placeholder): string {
  const values = ENTRY_COLUMNS.map((_, i) => ph(i + 1)).join(', ');
  return `INSERT INTO audit_entries (${COLUMNS_SQL}) VALUES (${values})`;
}

/**
 * Values in ENTRY_COLUMNS order; lists and objects as their canonical JSON text, exactly the bytes the hash
 * covered (so verification can hash the stored text without parsing it; PostgreSQL stores the same).
 */
export function entryParams(entry: StoredEntry): unknown[] {
  return ENTRY_COLUMNS.map((column) => {
    const value = entry[column];
    return typeof value === 'object' && value !== null ? canonicalJson(value) : value;
  });
}

type Row = Record<string, unknown>;

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

/** A database row as an entry: PostgreSQL gives bigint as text and timestamptz as Date. */
export function rowToEntry(row: Row): StoredEntry {
  return {
    ...(row as unknown as StoredEntry),
    seq: Number(row.seq),
    at: iso(row.at),
    actor_groups: JSON.parse(String(row.actor_groups)),
    details: JSON.parse(String(row.details)),
  };
}

export function rowToCheckpoint(row: Row | undefined): Checkpoint | null {
  if (!row) return null;
  return {
    seq: Number(row.seq),
    hash: String(row.hash),
    at: iso(row.at),
    pruned_at: iso(row.pruned_at),
    key: String(row.key_id),
    sig: String(row.sig),
  };
}

export const CHECKPOINT_COLUMNS = 'seq, hash, at, pruned_at, key_id, sig';

/** Rows per read of an export or a verification (small enough to keep the event loop responsive). */
export const ITERATE_BATCH = 250;

/** PostgreSQL writes `at` in the stored ISO form itself: cheaper than a Date per row. */
const PG_ISO_AT = `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at`;

/** Entries in chain order with seq in (after, upTo], for verification. */
export const chainRowsSql = (ph: Placeholder) => {
  const columns = ph === pgPlaceholder ? COLUMNS_SQL.replace(/\bat\b/, PG_ISO_AT) : COLUMNS_SQL;
  return `SELECT ${columns} FROM audit_entries WHERE seq > ${ph(1)} AND seq <= ${ph(2)} ORDER BY seq LIMIT ${ph(3)}`;
};

const likeFragment = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * People whose id or name contains the fragment, one row per person (the directory is kept per profile), among
 * those who appear in a profile the reader may see (`''`: entries of no profile, for organization-wide readers).
 */
export function peopleQuery(
  ph: Placeholder,
  fragment: string,
  limit: number,
  visible?: AuditVisibility,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [likeFragment(fragment), likeFragment(fragment)];
  const p = (value: unknown) => {
    params.push(value);
    return ph(params.length);
  };
  let scope = '';
  if (visible && visible.profiles !== '*') {
    const keys = [...visible.profiles, ...(visible.organizationWide ? [''] : [])];
    scope = keys.length ? `AND profile_key IN (${keys.map(p).join(', ')})` : 'AND 1=0';
  }
  return {
    sql: `SELECT actor_id AS id, max(actor_name) AS name, max(actor_kind) AS kind, max(actor_role) AS role
      FROM audit_people
      WHERE (lower(actor_id) LIKE ${ph(1)} ESCAPE '\\' OR lower(coalesce(actor_name, '')) LIKE ${ph(2)} ESCAPE '\\')
        ${scope}
      GROUP BY actor_id ORDER BY lower(coalesce(max(actor_name), actor_id)), actor_id LIMIT ${p(limit)}`,
    params,
  };
}

export function rowToPerson(row: Row): AuditPerson {
  return {
    id: String(row.id),
    name: row.name === null ? null : String(row.name),
    kind: row.kind as AuditPerson['kind'],
    role: row.role === null ? null : String(row.role),
  };
}
