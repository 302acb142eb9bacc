// What the page and the parse worker (./parse.worker.ts) say to each other.
import type { ColumnCount } from './columnCounts';
import type { Delimiter, RowBatch } from './delimited';
import type { RowCounts } from './rowCounter';

export type ParseRequest = { kind: 'file'; file: File } | { kind: 'text'; text: string };

/** What reading found, whatever the source. */
export interface SourceSummary extends RowCounts {
  format: 'text' | 'spreadsheet' | 'vcard';
  /** CSV/TSV/text: the separator; null for the others. */
  delimiter: Delimiter | null;
  /** Row numbers where a quote was never closed (text only). */
  quoteProblems: number[];
  /** vCard: the header made from the cards' kinds of number (row 0 of the table), and the versions seen. */
  header: string[] | null;
  versions: string[];
}

export type ParseMessage =
  | ({ type: 'rows' } & RowBatch)
  | { type: 'done'; summary: SourceSummary; counts: ColumnCount[]; sha256: string }
  | { type: 'error'; message: string };
