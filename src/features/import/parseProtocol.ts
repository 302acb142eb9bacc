// What the page and the parse worker (./parse.worker.ts) say to each other.
import type { ParseSummary, RowBatch } from './delimited';

export type ParseRequest = { kind: 'file'; file: File } | { kind: 'text'; text: string };

export type ParseMessage =
  | ({ type: 'rows' } & RowBatch)
  | { type: 'done'; summary: ParseSummary; sha256: string }
  | { type: 'error'; message: string };
