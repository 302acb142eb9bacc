// Reading the chain for verification, by seq range, from a connection of its own (a worker thread opens one
// each): SQLite read-only (WAL: never in the writers' way), PostgreSQL one client. The database writes each
// row's canonical content text itself from the stored columns (JSON-quoting exactly as JSON.stringify does;
// chain-source.test.ts holds them equal). SQLite hands the text over and it is hashed here; PostgreSQL hashes
// it too (pg_catalog.sha256, schema-qualified) and sends a verdict, since reading 600 bytes a row through the
// wire protocol cost the verifier more than everything else together (66,000 → 175,000 entries/s on two
// cores). Either way the verifier trusts the database's built-in functions, and nothing else it stores: a row
// whose text does not hash right (JSON stored by older code in another key order, or tampered) is read in
// full and judged here by rowHolds.
import Database from 'better-sqlite3';
import pg from 'pg';
import { type Linked, RangeChecker, type RangeResult, rowHolds, textHolds } from './chain-check.ts';
import { chainRowsSql, pgPlaceholder, sqlitePlaceholder } from './sql.ts';
import type { ChainRow } from './store.ts';

export type ChainSourceSpec = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** A row's place and link, and its content as canonical text. */
export interface TextRow extends Linked {
  text: string;
}

/** A row's place and link, and whether its canonical content text hashes to its own hash. */
export interface HashedRow extends Linked {
  holds: boolean;
}

export interface ChainSource {
  /** Rows with seq in (after, upTo], in seq order, at most `limit`. */
  rows(after: number, upTo: number, limit: number): Promise<ChainRow[]>;
  /** The same rows as their canonical content text. */
  texts(after: number, upTo: number, limit: number): Promise<TextRow[]>;
  /** The same rows with the verdict on their text's hash. */
  hashed(after: number, upTo: number, limit: number): Promise<HashedRow[]>;
  close(): Promise<void>;
}

/** The canonical content text as SQL: keys sorted as canonicalJson sorts them, values JSON-quoted. */
function canonicalTextSql(quote: (column: string) => string, at: string): string {
  const fields: [string, string][] = [
    ['action', quote('action')],
    ['actor_groups', 'actor_groups'],
    ['actor_id', quote('actor_id')],
    ['actor_kind', quote('actor_kind')],
    ['actor_name', quote('actor_name')],
    ['actor_role', quote('actor_role')],
    ['at', at],
    ['client_address', quote('client_address')],
    ['contact_id', quote('contact_id')],
    ['details', 'details'],
    ['outcome', quote('outcome')],
    ['phone_hash', quote('phone_hash')],
    ['phone_masked', quote('phone_masked')],
    ['profile_id', quote('profile_id')],
    ['request_id', quote('request_id')],
    ['user_agent', quote('user_agent')],
  ];
  return `${fields.map(([key, value], i) => `'${i ? ',' : '{'}"${key}":' || ${value}`).join(' || ')} || '}'`;
}

const textsSql = (ph: (n: number) => string, text: string) =>
  `SELECT seq, prev_hash, hash, ${text} AS text FROM audit_entries WHERE seq > ${ph(1)} AND seq <= ${ph(2)} ORDER BY seq LIMIT ${ph(3)}`;

export const SQLITE_TEXT = canonicalTextSql((c) => `json_quote(${c})`, 'json_quote(at)');
export const PG_TEXT = canonicalTextSql(
  (c) => `coalesce(to_json(${c})::text, 'null')`,
  `'"' || to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'`,
);

// The hash exactly as entryHash computes it, in the database: prev_hash + "\n" + seq + "\n" + text.
const PG_HASHED = `SELECT seq, prev_hash, hash, pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(
  prev_hash || E'\\n' || seq || E'\\n' || ${PG_TEXT}, 'UTF8')), 'hex') = hash AS holds
FROM audit_entries WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`;

const fromHashedArray = (r: Cell[]): HashedRow => ({
  seq: Number(r[0]),
  prev_hash: r[1] as string,
  hash: r[2] as string,
  holds: r[3] === true,
});

const fromTextArray = (r: Cell[]): TextRow => ({
  seq: Number(r[0]),
  prev_hash: r[1] as string,
  hash: r[2] as string,
  text: r[3] as string,
});

type Cell = string | number | boolean | null;

/**
 * A row read as an array (ENTRY_COLUMNS order) into one object shape: millions of rows go through here, and
 * arrays plus a fixed literal cost far less than the drivers' keyed row objects.
 */
const fromArray = (r: Cell[]): ChainRow => ({
  seq: Number(r[0]),
  at: r[1] as string,
  action: r[2] as ChainRow['action'],
  outcome: r[3] as ChainRow['outcome'],
  actor_kind: r[4] as ChainRow['actor_kind'],
  actor_id: r[5] as string,
  actor_name: r[6] as string | null,
  actor_role: r[7] as string | null,
  actor_groups: r[8] as string,
  profile_id: r[9] as string | null,
  contact_id: r[10] as string | null,
  phone_masked: r[11] as string | null,
  phone_hash: r[12] as string | null,
  request_id: r[13] as string | null,
  client_address: r[14] as string | null,
  user_agent: r[15] as string | null,
  details: r[16] as string,
  prev_hash: r[17] as string,
  hash: r[18] as string,
});

type Read<T> = (after: number, upTo: number, limit: number) => Promise<T[]>;

function sqliteRead<T>(db: Database.Database, sql: string, from: (r: Cell[]) => T): Read<T> {
  const select = db.prepare(sql).raw(true);
  return async (after, upTo, limit) => (select.all(after, upTo, limit) as Cell[][]).map(from);
}

// A named (prepared) statement: planned once per connection, not once per batch of a partitioned table whose
// every month's seq index the planner would weigh again (a third of the read's time).
function pgRead<T>(db: pg.ClientBase | pg.Pool, name: string, text: string, from: (r: Cell[]) => T): Read<T> {
  return async (after, upTo, limit) =>
    (await db.query<Cell[]>({ name, text, values: [after, upTo, limit], rowMode: 'array' })).rows.map(from);
}

/** Chain rows of a SQLite connection (a store's own, or a worker's read-only one). */
export const sqliteChainRows = (db: Database.Database) =>
  sqliteRead(db, chainRowsSql(sqlitePlaceholder), fromArray);

/** Chain rows through a PostgreSQL client or pool (`at` comes as ISO text: see chainRowsSql). */
export const pgChainRows = (db: pg.ClientBase | pg.Pool) =>
  pgRead(db, 'audit_chain_rows', chainRowsSql(pgPlaceholder), fromArray);

export async function openChainSource(spec: ChainSourceSpec): Promise<ChainSource> {
  if (spec.kind === 'sqlite') {
    const db = new Database(spec.path, { readonly: true, fileMustExist: true });
    const sql = textsSql(sqlitePlaceholder, SQLITE_TEXT);
    return {
      rows: sqliteChainRows(db),
      texts: sqliteRead(db, sql, fromTextArray),
      hashed: sqliteRead(db, sql, (r) => {
        const row = fromTextArray(r);
        return { seq: row.seq, prev_hash: row.prev_hash, hash: row.hash, holds: textHolds(row, row.text) };
      }),
      close: async () => void db.close(),
    };
  }
  const client = new pg.Client({ connectionString: spec.url });
  // A dropped connection already fails the pending read; unheard, pg's 'error' event would end the process.
  client.on('error', () => {});
  await client.connect();
  return {
    rows: pgChainRows(client),
    texts: pgRead(client, 'audit_chain_texts', textsSql(pgPlaceholder, PG_TEXT), fromTextArray),
    hashed: pgRead(client, 'audit_chain_hashed', PG_HASHED, fromHashedArray),
    close: () => client.end(),
  };
}

/** Rows per read: measured best (fewer reads cost more per row, more rows at once cost more in GC). */
export const CHAIN_BATCH = 1000;

/** Each row's verdict: its text hashes right, or (read in full) rowHolds says it holds. */
async function verdicts(source: Pick<ChainSource, 'rows'>, rows: HashedRow[]): Promise<boolean[]> {
  const holds = rows.map((row) => row.holds);
  const slow = rows.filter((row) => !row.holds);
  const first = slow[0];
  const last = slow.at(-1);
  if (!first || !last) return holds;
  const full = new Map(
    (await source.rows(first.seq - 1, last.seq, rows.length)).map((row) => [row.seq, row]),
  );
  return rows.map((row, i) => {
    const stored = full.get(row.seq);
    return (holds[i] as boolean) || (stored !== undefined && rowHolds(stored));
  });
}

/** Checks the entries with seq in (after, upTo] on their own (chain-check.ts joins the ranges). */
export async function checkRange(
  source: Pick<ChainSource, 'rows' | 'hashed'>,
  after: number,
  upTo: number,
  anchored: ReadonlySet<number>,
): Promise<RangeResult> {
  const checker = new RangeChecker(anchored);
  let from = after;
  while (from < upTo) {
    const rows = await source.hashed(from, upTo, CHAIN_BATCH);
    const holds = await verdicts(source, rows);
    for (const [i, row] of rows.entries()) if (!checker.push(row, holds[i] as boolean)) return checker.done();
    const last = rows.at(-1);
    if (!last || rows.length < CHAIN_BATCH) break;
    from = last.seq;
  }
  return checker.done();
}
