// SQL both stores share: columns, the filter's WHERE clause, rows ↔ entries. SQLite takes `?`
// placeholders and PostgreSQL `$1`, so the builders take the placeholder style as an argument.
import { ENTRY_COLUMNS, type StoredEntry } from './entry.ts';
import type { AuditFilter, Checkpoint } from './store.ts';

export type Placeholder = (n: number) => string;
// better-sqlite3 binds plain `?` in order (it rejects numbered `?1`); every builder uses each parameter once, in order.
export const sqlitePlaceholder: Placeholder = () => '?';
export const pgPlaceholder: Placeholder = (n) => `$${n}`;

export const COLUMNS_SQL = ENTRY_COLUMNS.join(', ');

export function insertSql(ph: Placeholder): string {
  const values = ENTRY_COLUMNS.map((_, i) => ph(i + 1)).join(', ');
  return `INSERT INTO audit_entries (${COLUMNS_SQL}) VALUES (${values})`;
}

/** Values in ENTRY_COLUMNS order; lists and objects as JSON text (stored byte for byte, re-read exactly). */
export function entryParams(entry: StoredEntry): unknown[] {
  return ENTRY_COLUMNS.map((column) => {
    const value = entry[column];
    return typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
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

const likeFragment = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The filter as `AND`-joined conditions (never empty: "1=1" when nothing narrows) with its parameters,
 * numbered from `first`.
 */
export function whereSql(
  filter: AuditFilter,
  ph: Placeholder,
  first = 1,
): { sql: string; params: unknown[] } {
  const parts: string[] = ['1=1'];
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return ph(first + params.length - 1);
  };
  const visible = filter.visible;
  if (visible && visible.profiles !== '*') {
    const either = visible.profiles.length ? [`profile_id IN (${visible.profiles.map(p).join(', ')})`] : [];
    if (visible.organizationWide) either.push('profile_id IS NULL');
    parts.push(either.length ? `(${either.join(' OR ')})` : '1=0');
  }
  if (filter.actor) {
    parts.push(
      `(actor_id = ${p(filter.actor)} OR lower(actor_name) LIKE ${p(likeFragment(filter.actor))} ESCAPE '\\')`,
    );
  }
  if (filter.profileId) parts.push(`profile_id = ${p(filter.profileId)}`);
  if (filter.contactId) parts.push(`contact_id = ${p(filter.contactId)}`);
  if (filter.number) {
    const { hash, maskedFragment } = filter.number;
    const either: string[] = [];
    if (hash) either.push(`phone_hash = ${p(hash)}`);
    if (maskedFragment)
      either.push(`lower(phone_masked) LIKE ${p(likeFragment(maskedFragment))} ESCAPE '\\'`);
    parts.push(either.length ? `(${either.join(' OR ')})` : '1=0');
  }
  if (filter.actions?.length) parts.push(`action IN (${filter.actions.map((a) => p(a)).join(', ')})`);
  if (filter.from) parts.push(`at >= ${p(filter.from)}`);
  if (filter.to) parts.push(`at < ${p(filter.to)}`);
  return { sql: parts.join(' AND '), params };
}

export const CHECKPOINT_COLUMNS = 'seq, hash, at, pruned_at, key_id, sig';

export const ITERATE_BATCH = 500;

/** Reads entries oldest first, one keyset batch at a time (constant memory over any trail). */
export async function* inBatches(
  fetchAfter: (afterSeq: number) => Promise<StoredEntry[]>,
): AsyncGenerator<StoredEntry> {
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const batch = await fetchAfter(after);
    yield* batch;
    const last = batch.at(-1);
    if (batch.length < ITERATE_BATCH || !last) return;
    after = last.seq;
  }
}
