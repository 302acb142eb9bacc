// Reading the chain for verification, by seq range, from a connection of its own (a worker thread opens one
// each): SQLite read-only (WAL: never in the writers' way), PostgreSQL one client.
import Database from 'better-sqlite3';
import pg from 'pg';
import { RangeChecker, type RangeResult } from './chain-check.ts';
import { chainRowsSql, pgPlaceholder, sqlitePlaceholder } from './sql.ts';
import type { ChainRow } from './store.ts';

export type ChainSourceSpec = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface ChainSource {
  /** Rows with seq in (after, upTo], in seq order, at most `limit`. */
  rows(after: number, upTo: number, limit: number): Promise<ChainRow[]>;
  close(): Promise<void>;
}

type Cell = string | number | null;

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

/** Chain rows of a SQLite connection (a store's own, or a worker's read-only one). */
export function sqliteChainRows(db: Database.Database): ChainSource['rows'] {
  const select = db.prepare(chainRowsSql(sqlitePlaceholder)).raw(true);
  return async (after, upTo, limit) => (select.all(after, upTo, limit) as Cell[][]).map(fromArray);
}

/** Chain rows through a PostgreSQL client or pool (`at` comes as ISO text: see chainRowsSql). */
export function pgChainRows(db: pg.ClientBase | pg.Pool): ChainSource['rows'] {
  const text = chainRowsSql(pgPlaceholder);
  return async (after, upTo, limit) =>
    (await db.query<Cell[]>({ text, values: [after, upTo, limit], rowMode: 'array' })).rows.map(fromArray);
}

export async function openChainSource(spec: ChainSourceSpec): Promise<ChainSource> {
  if (spec.kind === 'sqlite') {
    const db = new Database(spec.path, { readonly: true, fileMustExist: true });
    return { rows: sqliteChainRows(db), close: async () => void db.close() };
  }
  const client = new pg.Client({ connectionString: spec.url });
  await client.connect();
  return { rows: pgChainRows(client), close: () => client.end() };
}

/** Rows per read: large enough that a read costs little per row, small enough to stop soon after a problem. */
export const CHAIN_BATCH = 5000;

/** Checks the entries with seq in (after, upTo] on their own (chain-check.ts joins the ranges). */
export async function checkRange(
  source: Pick<ChainSource, 'rows'>,
  after: number,
  upTo: number,
  anchored: ReadonlySet<number>,
): Promise<RangeResult> {
  const checker = new RangeChecker(anchored);
  let from = after;
  while (from < upTo) {
    const rows = await source.rows(from, upTo, CHAIN_BATCH);
    for (const row of rows) if (!checker.push(row)) return checker.done();
    const last = rows.at(-1);
    if (!last || rows.length < CHAIN_BATCH) break;
    from = last.seq;
  }
  return checker.done();
}
