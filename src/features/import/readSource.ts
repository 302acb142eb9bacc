// From what the person chose (a file, or pasted text) to rows in memory, without blocking the page:
// CSV/TSV/text through the parse worker, batch by batch; .xlsx through read-excel-file, fetched only
// when a spreadsheet is chosen (./xlsx).
import type { ParseSummary } from './delimited';
import type { ParseMessage, ParseRequest } from './parseProtocol';

export interface SourceTable {
  /** File name, or "Pasted text". */
  name: string;
  sha256: string;
  /** Row numbers (as the file counts them) and cells of the non-blank rows. */
  rows: number[];
  cells: string[][];
  summary: Omit<ParseSummary, 'delimiter'> & { delimiter: ParseSummary['delimiter'] | null };
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
      resolve({
        name: request.kind === 'file' ? request.file.name : 'Pasted text',
        sha256: data.sha256,
        rows,
        cells,
        summary: data.summary,
        sheets: null,
      });
    };
    worker.postMessage(request);
  });
}
