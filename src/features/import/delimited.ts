// Reading CSV / TSV / pasted text into rows with papaparse, in chunks so a 100,000-row file streams out in
// batches (the worker posts each one; the page never receives one huge message). No DOM: runs in the
// parse worker and in unit tests.
/// <reference path="./papaparse.d.ts" />
import Papa from 'papaparse';
import { type RowBatch, RowBatcher } from './rowBatches';
import { RowCounter, type RowCounts } from './rowCounter';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Rows as read: `rows[i]` is the 1-based row number (as a spreadsheet shows it) of `cells[i]`. */
export type { RowBatch } from './rowBatches';

export interface ParseSummary extends RowCounts {
  delimiter: Delimiter;
  /** Row numbers where a quote was never closed (the rest of that row may have swallowed the next ones). */
  quoteProblems: number[];
}

export interface ParseOptions {
  /** Most non-blank rows to keep: reading stops at the next one (and says there were too many). */
  maxRows: number;
  /** Cells a batch holds (./rowBatches). */
  batchCells?: number;
  /** Characters per papaparse chunk. */
  chunkSize?: number;
}

/**
 * Text from a file's bytes: UTF-16 when its byte-order mark says so (Excel's "Unicode text" export), else
 * UTF-8. TextDecoder drops the BOM.
 */
export function decodeText(bytes: Uint8Array): string {
  const [a, b] = bytes;
  const encoding = a === 0xff && b === 0xfe ? 'utf-16le' : a === 0xfe && b === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * The separator, from the first rows: papaparse's guess (the most consistent field count), made on a sample
 * without empty lines, which would otherwise count as one-field rows and spoil it. One column: ','.
 */
export function guessDelimiter(text: string): Delimiter {
  const { meta } = Papa.parse(text.slice(0, 64 * 1024), {
    preview: 20,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [...DELIMITERS],
  });
  return DELIMITERS.find((d) => d === meta.delimiter) ?? ',';
}

/** Parses `text`, handing over batches of non-blank rows as they are read; returns what it found. */
export function parseDelimited(
  text: string,
  onBatch: (batch: RowBatch) => void,
  { maxRows, batchCells, chunkSize = 512 * 1024 }: ParseOptions,
): ParseSummary {
  const delimiter = guessDelimiter(text);
  const quoteProblems: number[] = [];
  const batches = new RowBatcher(onBatch, batchCells);
  const counter = new RowCounter(maxRows, (row, cells) => batches.add(row, cells));
  Papa.parse(text, {
    delimiter,
    // Empty lines are kept (the counter skips them) so that row numbers match the file's.
    skipEmptyLines: false,
    chunkSize,
    chunk: (results, parser) => {
      const first = counter.rowsSeen;
      for (const error of results.errors) {
        if (error.code === 'MissingQuotes' && error.row !== undefined)
          quoteProblems.push(first + error.row + 1);
      }
      for (const cells of results.data) {
        if (!counter.add(cells)) {
          parser.abort();
          break;
        }
      }
    },
  });
  batches.flush();
  return { ...counter.counts, delimiter, quoteProblems };
}
