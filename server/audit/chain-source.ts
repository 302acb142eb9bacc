// Reading the chain for verification, by seq range, from a connection of its own (a worker thread opens one
// each): SQLite read-only (WAL: never in the writers' way), PostgreSQL one client.
import Database from 'better-sqlite3';
import pg from 'pg';
import { RangeChecker, type RangeResult } from './chain-check.ts';
import { chainRowsSql, pgPlaceholder, rowToChainRow, sqlitePlaceholder } from './sql.ts';
import type { ChainRow } from './store.ts';

export type ChainSourceSpec = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface ChainSource {
  /** Rows with seq in (after, upTo], in seq order, at most `limit`. */
  rows(after: number, upTo: number, limit: number): Promise<ChainRow[]>;
  close(): Promise<void>;
}

export async function openChainSource(spec: ChainSourceSpec): Promise<ChainSource> {
  if (spec.kind === 'sqlite') {
    const db = new Database(spec.path, { readonly: true, fileMustExist: true });
    const select = db.prepare(chainRowsSql(sqlitePlaceholder));
    return {
      rows: async (after, upTo, limit) =>
        (select.all(after, upTo, limit) as Record<string, unknown>[]).map(rowToChainRow),
      close: async () => void db.close(),
    };
  }
  const client = new pg.Client({ connectionString: spec.url });
  await client.connect();
  const sql = chainRowsSql(pgPlaceholder);
  return {
    rows: async (after, upTo, limit) =>
      (await client.query({ text: sql, values: [after, upTo, limit] })).rows.map(rowToChainRow),
    close: () => client.end(),
  };
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
