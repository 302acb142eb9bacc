// How a filter is read from the trail, the same for both stores: every Activity filter and combination is
// served by one index, newest first by (at, seq), so a page reads about its own rows however long the trail.
//
// The most selective equality the filter has drives the scan (contact, exact number, person, last digits,
// profile, action, else time): its index is (column, at, seq, …), so equality + a time range + the keyset
// cursor are one index range read in order, and the other conditions are checked on the way (in SQLite from
// columns the index also carries, before the row itself is read). A driving condition with several values
// (actions "a,b") becomes one ordered scan per value, merged (UNION ALL … ORDER BY … LIMIT).
// Counts read at most COUNT_CAP + 1 index entries per scan.
import { ENTRY_COLUMNS } from './entry.ts';
import type { Placeholder } from './sql.ts';
import type { AuditFilter, Cursor } from './store.ts';

export interface Dialect {
  ph: Placeholder;
  /** The last two characters of the masked number ("23" of "+44••••••••23"), as indexed. */
  lastTwo: string;
  /** SQLite names the driving index (INDEXED BY); PostgreSQL's planner chooses from its statistics. */
  indexHint(index: string): string;
}

/** Equality conditions, most selective first: the first one the filter has drives the scan. */
const TERMS = [
  { key: 'contact', column: 'contact_id', index: 'audit_by_contact' },
  { key: 'phone', column: 'phone_hash', index: 'audit_by_phone' },
  { key: 'actor', column: 'actor_id', index: 'audit_by_actor' },
  { key: 'lastTwo', column: null, index: 'audit_by_last_two' },
  { key: 'profile', column: 'profile_id', index: 'audit_by_profile' },
  { key: 'action', column: 'action', index: 'audit_by_action' },
] as const;
type TermKey = (typeof TERMS)[number]['key'];

function termValues(filter: AuditFilter): Map<TermKey, readonly string[]> {
  const values = new Map<TermKey, readonly string[]>();
  if (filter.contactId) values.set('contact', [filter.contactId]);
  if (filter.number && 'hash' in filter.number) values.set('phone', [filter.number.hash]);
  if (filter.actor) values.set('actor', [filter.actor]);
  if (filter.number && 'lastTwo' in filter.number) values.set('lastTwo', [filter.number.lastTwo]);
  if (filter.profileId) values.set('profile', [filter.profileId]);
  if (filter.actions?.length) values.set('action', [...new Set(filter.actions)]);
  return values;
}

export const isEmptyFilter = (filter: AuditFilter) =>
  termValues(filter).size === 0 && !filter.from && !filter.to;

export type Direction = 'newest' | 'oldest';

export interface Scan {
  filter: AuditFilter;
  direction: Direction;
  /** Strictly older than this place (newest-first order). */
  before?: Cursor;
  /** Strictly newer than this place. */
  after?: Cursor;
  limit: number;
}

export interface Sql {
  sql: string;
  params: unknown[];
}

export const SELECT_COLUMNS = ENTRY_COLUMNS.join(', ');

/** Builds one statement; `p(value)` binds a value and returns its placeholder (in order of use). */
function builder(dialect: Dialect) {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return dialect.ph(params.length);
  };
  return { params, p };
}

/** The WHERE clause of one scan, with the driving column fixed to `driving` (when there is one). */
function conditions(
  dialect: Dialect,
  p: (value: unknown) => string,
  scan: Omit<Scan, 'limit' | 'direction'>,
  driver: TermKey | null,
  driving: string | null,
): string {
  const parts: string[] = [];
  for (const [key, values] of termValues(scan.filter)) {
    const term = TERMS.find((t) => t.key === key);
    const column = term?.column ?? dialect.lastTwo;
    if (key === driver) parts.push(`${column} = ${p(driving)}`);
    else if (values.length === 1) parts.push(`${column} = ${p(values[0])}`);
    else parts.push(`${column} IN (${values.map((v) => p(v)).join(', ')})`);
  }
  if (scan.filter.from) parts.push(`at >= ${p(scan.filter.from)}`);
  if (scan.filter.to) parts.push(`at < ${p(scan.filter.to)}`);
  // (at, seq) < (cursor): a range on `at` the index reads, the tie on seq checked on the way.
  if (scan.before) {
    parts.push(`at <= ${p(scan.before.at)}`, `(at < ${p(scan.before.at)} OR seq < ${p(scan.before.seq)})`);
  }
  if (scan.after) {
    parts.push(`at >= ${p(scan.after.at)}`, `(at > ${p(scan.after.at)} OR seq > ${p(scan.after.seq)})`);
  }
  return parts.length ? parts.join(' AND ') : '1=1';
}

function driverOf(filter: AuditFilter): { key: TermKey; index: string; values: readonly string[] } | null {
  const values = termValues(filter);
  for (const term of TERMS) {
    const own = values.get(term.key);
    if (own) return { key: term.key, index: term.index, values: own };
  }
  return null;
}

/** One index-served read per value of the driving condition, merged when there are several. */
function scans(
  dialect: Dialect,
  scan: Omit<Scan, 'limit' | 'direction'>,
  select: string,
  tail: (p: (value: unknown) => string) => string,
): Sql {
  const { params, p } = builder(dialect);
  const driver = driverOf(scan.filter);
  const index = driver?.index ?? 'audit_by_at';
  const one = (driving: string | null) =>
    `SELECT ${select} FROM audit_entries ${dialect.indexHint(index)}WHERE ${conditions(dialect, p, scan, driver?.key ?? null, driving)} ${tail(p)}`;
  const values = driver?.values ?? [null];
  if (values.length === 1) return { sql: one(values[0] ?? null), params };
  const arms = values.map((value, i) => `SELECT * FROM (${one(value)}) AS arm${i}`);
  return { sql: arms.join(' UNION ALL '), params };
}

const order = (direction: Direction) =>
  direction === 'newest' ? 'ORDER BY at DESC, seq DESC' : 'ORDER BY at, seq';

/** The entries of one page (or export batch), in `direction` order. */
export function pageSql(dialect: Dialect, scan: Scan): Sql {
  const merged = driverOf(scan.filter)?.values.length ?? 1;
  const built = scans(
    dialect,
    scan,
    SELECT_COLUMNS,
    (p) => `${order(scan.direction)} LIMIT ${p(scan.limit)}`,
  );
  if (merged === 1) return built;
  const limit = dialect.ph(built.params.length + 1);
  return {
    sql: `SELECT ${SELECT_COLUMNS} FROM (${built.sql}) AS merged ${order(scan.direction)} LIMIT ${limit}`,
    params: [...built.params, scan.limit],
  };
}

/** Matches, counted up to `cap` + 1 per scan (so "more than `cap`" is known without reading the rest). */
export function countSql(dialect: Dialect, filter: AuditFilter, cap: number | null): Sql {
  const built = scans(dialect, { filter }, '1 AS one', (p) => (cap === null ? '' : `LIMIT ${p(cap + 1)}`));
  return { sql: `SELECT count(*) AS n FROM (${built.sql}) AS counted`, params: built.params };
}

/** Is there any match on the far side of `cursor` (an older or newer page)? */
export function existsSql(
  dialect: Dialect,
  filter: AuditFilter,
  side: 'before' | 'after',
  cursor: Cursor,
): Sql {
  return scans(dialect, { filter, [side]: cursor }, '1 AS one', (p) => `LIMIT ${p(1)}`);
}
