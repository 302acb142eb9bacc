// .xlsx files: read-excel-file (its /browser build, ~9 kB gzip with fflate) is fetched only when a
// spreadsheet is chosen. It parses the sheet XML with the browser's DOMParser, which workers do not have,
// so this runs on the main thread; the phone check after it is time-sliced like any other source's.
import { IMPORT_MAX_ROWS, sha256Hex } from '../../shared/imports';
import { ColumnCounter } from './columnCounts';
import type { SourceTable } from './readSource';
import { RowCounter } from './rowCounter';

/** Every sheet as text cells, as Excel shows them. */
export interface Workbook {
  name: string;
  sha256: string;
  sheets: { name: string; data: unknown[][] }[];
}

/** A cell as text: numbers stay as written (see parseNumber below), dates as YYYY-MM-DD. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

export async function readWorkbook(file: File): Promise<Workbook> {
  const [{ default: readXlsxFile }, bytes] = await Promise.all([
    import('read-excel-file/browser'),
    file.arrayBuffer(),
  ]);
  const [sheets, sha256] = await Promise.all([
    // Numbers as the text stored in the file: a phone number typed as 447700900123 must not become a
    // float (4.477e11) or lose a digit.
    readXlsxFile(bytes, { parseNumber: (text) => text }),
    sha256Hex(new Uint8Array(bytes)),
  ]);
  return { name: file.name, sha256, sheets: sheets.map(({ sheet, data }) => ({ name: sheet, data })) };
}

/** One sheet of the workbook as the rows the rest of the import works with. */
export function sheetTable(workbook: Workbook, index: number): SourceTable {
  const rows: number[] = [];
  const cells: string[][] = [];
  const columns = new ColumnCounter();
  // One row more than an import may carry: the first may be a header.
  const counter = new RowCounter(IMPORT_MAX_ROWS + 1, (row, rowCells) => {
    rows.push(row);
    cells.push(rowCells);
    columns.add(rowCells);
  });
  for (const row of workbook.sheets[index]?.data ?? []) {
    if (!counter.add(row.map(cellText))) break;
  }
  return {
    name: workbook.name,
    sha256: workbook.sha256,
    rows,
    cells,
    summary: {
      ...counter.counts,
      format: 'spreadsheet',
      delimiter: null,
      quoteProblems: [],
      header: null,
      versions: [],
    },
    counts: Array.from(columns.counts),
    sheets: { names: workbook.sheets.map((sheet) => sheet.name), current: index },
  };
}
