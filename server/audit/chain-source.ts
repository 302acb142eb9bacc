// Reading the chain for verification, by seq range, from a connection of its own (a worker thread opens one
// each): SQLite read-only (WAL: never in the writers' way), PostgreSQL one client. The database writes each
// row's canonical content text itself from the stored columns (JSON-quoting exactly as JSON.stringify does;
// chain-source.test.ts holds them equal). SQLite hands the text over and it is hashed here; PostgreSQL hashes
// it too (pg_catalog.sha256, schema-qualified) and checks the links, answering for a whole span of rows at
// once: reading 600 bytes a row through the wire protocol cost the verifier more than everything else
// together (66,000 → 175,000 entries/s on two cores), and then a verdict a row still kept one core busy here.
// A span with anything wrong in it is read again row by row, so the problem is named exactly as a single
// pass names it. Either way the verifier trusts the database's built-in functions, and nothing else it
// stores: a row whose text does not hash right (JSON stored by older code in another key order, or
// tampered) is read in full and judged here by rowHolds.
import Database from 'better-sqlite3';
import pg from 'pg';
import {
  type Linked,
  RangeChecker,
  type RangeResult,
  rowHolds,
  type Span,
  textHolds,
} from './chain-check.ts';
import { PG_HASHED, PG_SPAN, PG_TEXT, SQLITE_TEXT, textsSql } from './chain-sql.ts';
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
  /**
   * Every seq in (after, upTo] checked in the database, with the hashes of the `anchored` seqs among them;
   * null unless every one is there, holds and follows the one before it.
   */
  span?(after: number, upTo: number, anchored: number[]): Promise<Span | null>;
  close(): Promise<void>;
}

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

interface SpanRow {
  count: string;
  first_seq: string | null;
  last_seq: string | null;
  first_prev_hash: string | null;
  last_hash: string | null;
  fine: boolean;
  anchored_seqs: string[] | null;
  anchored_hashes: string[] | null;
}

function pgSpan(db: pg.ClientBase): NonNullable<ChainSource['span']> {
  return async (after, upTo, anchored) => {
    const { rows } = await db.query<SpanRow>({
      name: 'audit_chain_span',
      text: PG_SPAN,
      values: [after, upTo, anchored],
    });
    const s = rows[0];
    const whole =
      s?.fine === true &&
      Number(s.count) === upTo - after &&
      Number(s.first_seq) === after + 1 &&
      Number(s.last_seq) === upTo;
    if (!whole || s.first_prev_hash === null || s.last_hash === null) return null;
    const hashes = s.anchored_hashes ?? [];
    return {
      first: { seq: after + 1, prev_hash: s.first_prev_hash },
      last: { seq: upTo, hash: s.last_hash },
      count: upTo - after,
      anchored: (s.anchored_seqs ?? []).map((seq, i) => [Number(seq), hashes[i] as string]),
    };
  };
}

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
    span: pgSpan(client),
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

/** Seqs per span the database checks at once: a few tenths of a second of its work. */
export const SPAN_SEQS = 50_000;

/** Pushes the rows with seq in (after, upTo] one by one; false once the checker found a problem. */
async function checkRows(
  source: Pick<ChainSource, 'rows' | 'hashed'>,
  checker: RangeChecker,
  after: number,
  upTo: number,
): Promise<boolean> {
  let from = after;
  while (from < upTo) {
    const rows = await source.hashed(from, upTo, CHAIN_BATCH);
    const holds = await verdicts(source, rows);
    for (const [i, row] of rows.entries()) if (!checker.push(row, holds[i] as boolean)) return false;
    const last = rows.at(-1);
    if (!last || rows.length < CHAIN_BATCH) break;
    from = last.seq;
  }
  return true;
}

/**
 * Checks the entries with seq in (after, upTo] on their own (chain-check.ts joins the ranges): a span at a
 * time where the database checks spans, and any span it does not vouch for row by row.
 */
export async function checkRange(
  source: Pick<ChainSource, 'rows' | 'hashed' | 'span'>,
  after: number,
  upTo: number,
  anchored: ReadonlySet<number>,
): Promise<RangeResult> {
  const checker = new RangeChecker(anchored);
  if (!source.span) {
    await checkRows(source, checker, after, upTo);
    return checker.done();
  }
  const seqs = [...anchored].sort((a, b) => a - b);
  for (let from = after; from < upTo; from += SPAN_SEQS) {
    const to = Math.min(from + SPAN_SEQS, upTo);
    const span = await source.span(
      from,
      to,
      seqs.filter((seq) => seq > from && seq <= to),
    );
    const held = span ? checker.pushSpan(span) : await checkRows(source, checker, from, to);
    if (!held) break;
  }
  return checker.done();
}
