// From what the person chose (a file, or pasted text) to rows in memory, without blocking the page:
// CSV/TSV/text and vCard through the parse worker, batch by batch; .xlsx through read-excel-file, fetched
// only when a spreadsheet is chosen (./xlsx).
import type { ColumnCount } from './columnCounts';
import type { ParseMessage, ParseRequest, SourceSummary } from './parseProtocol';

export interface SourceTable {
  /** File name, or "Pasted text". */
  name: string;
  sha256: string;
  /**
   * Row numbers (as the file counts them) and cells of the non-blank rows. A vCard's rows are its cards,
   * numbered from 1, under a header row (number 0) made from their kinds of number.
   */
  rows: number[];
  cells: string[][];
  summary: SourceSummary;
  /** Each column's numbers over the whole source (see ./columnCounts). */
  counts: ColumnCount[];
  /** A spreadsheet's sheets (and which one this is); null for text. */
  sheets: { names: string[]; current: number } | null;
}

export type ReadProgress = (rowsRead: number) => void;

export const isSpreadsheet = (file: File) =>
  /\.xlsx$/i.test(file.name) ||
  file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Parses text or a CSV/TSV file in the parse worker; the worker stops when `signal` aborts. */
export function readDelimited(
  request: ParseRequest,
  signal: AbortSignal,
  onProgress: ReadProgress,
): Promise<SourceTable> {
  const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
  const rows: number[] = [];
  const cells: string[][] = [];
  return new Promise<SourceTable>((resolve, reject) => {
    const stop = () => {
      worker.terminate();
      reject(signal.reason);
    };
    signal.addEventListener('abort', stop, { once: true });
    const finish = () => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'The file could not be read.'));
    };
    worker.onmessage = ({ data }: MessageEvent<ParseMessage>) => {
      if (data.type === 'rows') {
        // A loop, not push(...batch): spreading thousands of arguments can overflow the stack.
        for (let i = 0; i < data.rows.length; i++) {
          rows.push(data.rows[i] as number);
          cells.push(data.cells[i] as string[]);
        }
        onProgress(rows.length);
        return;
      }
      finish();
      if (data.type === 'error') return reject(new Error(data.message));
      if (data.summary.header) {
        rows.unshift(0);
        cells.unshift(data.summary.header);
      }
      resolve({
        name: request.kind === 'file' ? request.file.name : 'Pasted text',
        sha256: data.sha256,
        rows,
        cells,
        summary: data.summary,
        counts: data.counts,
        sheets: null,
      });
    };
    worker.postMessage(request);
  });
}

/** What a row of the source is to the person: a vCard's are cards. */
export const unitOf = (table: SourceTable): 'row' | 'card' =>
  table.summary.format === 'vcard' ? 'card' : 'row';
