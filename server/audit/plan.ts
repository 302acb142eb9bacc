// How a filter is read from the trail, the same for both stores: every Activity filter and combination is
// served by one index, newest first by (at, seq), so a page reads about its own rows however long the trail.
//
// The most selective index the filter's conditions fit drives the scan (contact, exact number, person and
// action, person and profile, person, last digits, profile and action, profile, action, else time): it is (columns, at, seq, …), so the equalities +
// a time range + the keyset cursor are one index range read in order, and the other conditions are checked on
// the way (in SQLite from columns the index also carries, before the row itself is read). A driving condition
// with several values (actions "a,b") becomes one ordered scan per value, merged (UNION ALL … ORDER BY …).
// Counts read at most COUNT_CAP + 1 index entries per scan. What the reader may see (`visible`: an admin's
// profiles, and entries of no profile when organization-wide) is the profile condition, one value per
// profile, so a scoped admin's questions are served by the same indexes (profile first where nothing more
// selective drives).
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

type TermKey = 'contact' | 'phone' | 'actor' | 'lastTwo' | 'profile' | 'action';

/** The column of each equality condition (null: the dialect's last-two-digits expression). */
const COLUMNS: Record<TermKey, string | null> = {
  contact: 'contact_id',
  phone: 'phone_hash',
  actor: 'actor_id',
  lastTwo: null,
  profile: 'profile_id',
  action: 'action',
};

/** Indexes, most selective first: the first whose conditions the filter all has drives the scan. */
const DRIVERS: { keys: readonly TermKey[]; index: string }[] = [
  { keys: ['contact'], index: 'audit_by_contact' },
  { keys: ['phone'], index: 'audit_by_phone' },
  // "What did this person edit": exact, however rarely they do it.
  { keys: ['actor', 'action'], index: 'audit_by_actor_action' },
  // A person within a profile (an admin's own, or one asked for): however few of their entries are there.
  { keys: ['actor', 'profile'], index: 'audit_by_actor_profile' },
  { keys: ['actor'], index: 'audit_by_actor' },
  { keys: ['lastTwo'], index: 'audit_by_last_two' },
  // An admin of some profiles asking for a rare action: their entries of it, not every entry of it.
  { keys: ['profile', 'action'], index: 'audit_by_profile_action' },
  { keys: ['profile'], index: 'audit_by_profile' },
  { keys: ['action'], index: 'audit_by_action' },
];

/** A condition's value; null only for the profile: entries of no profile. */
type Value = string | null;

/** The profiles a filter reads: its own profile within what the reader may see (none: nothing matches). */
function profileValues(filter: AuditFilter): readonly Value[] | undefined {
  const visible = filter.visible;
  if (!visible || visible.profiles === '*') return filter.profileId ? [filter.profileId] : undefined;
  const allowed = new Set<Value>(visible.profiles);
  if (visible.organizationWide) allowed.add(null);
  if (filter.profileId) return allowed.has(filter.profileId) ? [filter.profileId] : [];
  return [...allowed];
}

function termValues(filter: AuditFilter): Map<TermKey, readonly Value[]> {
  const values = new Map<TermKey, readonly Value[]>();
  if (filter.contactId) values.set('contact', [filter.contactId]);
  if (filter.number && 'hash' in filter.number) values.set('phone', [filter.number.hash]);
  if (filter.actor) values.set('actor', [filter.actor]);
  if (filter.number && 'lastTwo' in filter.number) values.set('lastTwo', [filter.number.lastTwo]);
  const profiles = profileValues(filter);
  if (profiles) values.set('profile', profiles);
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

/** `column` is one of `values` (null: IS NULL); no value at all: nothing matches. */
function oneOf(column: string, values: readonly Value[], p: (value: unknown) => string): string {
  const named = values.filter((v) => v !== null);
  const either: string[] = [];
  if (named.length === 1) either.push(`${column} = ${p(named[0])}`);
  if (named.length > 1) either.push(`${column} IN (${named.map((v) => p(v)).join(', ')})`);
  if (named.length < values.length) either.push(`${column} IS NULL`);
  if (either.length === 0) return '1=0';
  return either.length === 1 ? (either[0] as string) : `(${either.join(' OR ')})`;
}

/** The WHERE clause of one scan, with the driving conditions fixed to one value each (`fixed`). */
function conditions(
  dialect: Dialect,
  p: (value: unknown) => string,
  scan: Omit<Scan, 'limit' | 'direction'>,
  fixed: ReadonlyMap<TermKey, Value>,
): string {
  const parts: string[] = [];
  for (const [key, values] of termValues(scan.filter)) {
    const column = COLUMNS[key] ?? dialect.lastTwo;
    parts.push(oneOf(column, fixed.has(key) ? [fixed.get(key) as Value] : values, p));
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

/** The driving index and its arms: one ordered read per combination of its conditions' values. */
function driverOf(filter: AuditFilter): { index: string; arms: ReadonlyMap<TermKey, Value>[] } {
  const values = termValues(filter);
  // A condition no value can meet drives nothing (its 1=0 is decided before any read).
  const driver = DRIVERS.find((d) => d.keys.every((key) => values.get(key)?.length));
  if (!driver) return { index: 'audit_by_at', arms: [new Map()] };
  let arms: Map<TermKey, Value>[] = [new Map()];
  for (const key of driver.keys) {
    arms = arms.flatMap((arm) => (values.get(key) ?? []).map((value) => new Map(arm).set(key, value)));
  }
  return { index: driver.index, arms };
}

/** One index-served read per arm of the driving index, merged when there are several. */
function scans(
  dialect: Dialect,
  scan: Omit<Scan, 'limit' | 'direction'>,
  select: string,
  tail: (p: (value: unknown) => string) => string,
): Sql {
  const { params, p } = builder(dialect);
  const { index, arms } = driverOf(scan.filter);
  const one = (fixed: ReadonlyMap<TermKey, Value>) =>
    `SELECT ${select} FROM audit_entries ${dialect.indexHint(index)}WHERE ${conditions(dialect, p, scan, fixed)} ${tail(p)}`;
  if (arms.length === 1) return { sql: one(arms[0] as ReadonlyMap<TermKey, Value>), params };
  return { sql: arms.map((arm, i) => `SELECT * FROM (${one(arm)}) AS arm${i}`).join(' UNION ALL '), params };
}

const order = (direction: Direction) =>
  direction === 'newest' ? 'ORDER BY at DESC, seq DESC' : 'ORDER BY at, seq';

/** The entries of one page (or export batch), in `direction` order. */
export function pageSql(dialect: Dialect, scan: Scan): Sql {
  const merged = driverOf(scan.filter).arms.length;
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
