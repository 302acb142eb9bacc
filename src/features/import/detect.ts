// Which column holds the phone numbers and whether the first row is a header, guessed from the first rows.
// A guess the person sees and can change: the mapping step shows both, with each column's score.
import { isTelUri, numberFromTelUri } from '../../shared/telUri';

/** Rows looked at for the guess. */
const SAMPLE_ROWS = 200;
/** Header names that say "phone number" in the usual spreadsheet exports. */
const PHONE_HEADER = /phone|mobile|cell|tel|msisdn|whats ?app|number|nummer|numéro|número|telefon/i;
/** Dates would pass for numbers by their digits alone. */
const DATE = /^\d{4}-\d{1,2}-\d{1,2}|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/;

/**
 * A cell that reads like a phone number in some format: "+44 20 7946 0958", "0044…", "(020) 7946 0958",
 * "415-555-0100", "tel:+1-202-555-0100". Only its shape, not its validity (the check does that).
 */
export function looksLikePhone(cell: string): boolean {
  const text = isTelUri(cell) ? (numberFromTelUri(cell) ?? '') : cell.trim();
  if (DATE.test(text) || !/^\+?[\d\s().\-/]+$/.test(text)) return false;
  const digits = text.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 17;
}

export interface ColumnGuess {
  index: number;
  /** The header cell, or "Column B" without a header. */
  name: string;
  /** Non-empty cells in the sample that look like phone numbers, out of `filled`. */
  phoneLike: number;
  filled: number;
  /** A value from the column, to recognise it by. */
  example: string;
}

export interface Layout {
  /** Index (into the rows) of the header row; null: every row is data. */
  headerIndex: number | null;
  phoneColumn: number;
  columns: ColumnGuess[];
}

/** "A", "B", … "Z", "AA": how spreadsheets name columns. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** Each column's name and phone score, with `headerIndex` as the header (rows above it are ignored). */
export function describeColumns(rows: readonly string[][], headerIndex: number | null): ColumnGuess[] {
  const header = headerIndex === null ? [] : (rows[headerIndex] ?? []);
  const sample = rows.slice(headerIndex === null ? 0 : headerIndex + 1).slice(0, SAMPLE_ROWS);
  const width = Math.max(header.length, ...sample.map((row) => row.length), 1);
  return Array.from({ length: width }, (_, index) => {
    const cells = sample.map((row) => (row[index] ?? '').trim()).filter(Boolean);
    return {
      index,
      name: header[index]?.trim() || `Column ${columnLetter(index)}`,
      phoneLike: cells.filter(looksLikePhone).length,
      filled: cells.length,
      example: cells[0] ?? '',
    };
  });
}

/** The column most likely to hold phone numbers: most phone-like cells, then a phone-ish name, then leftmost. */
export function bestPhoneColumn(columns: readonly ColumnGuess[]): number {
  const score = (c: ColumnGuess) =>
    (c.filled ? c.phoneLike / c.filled : 0) + (PHONE_HEADER.test(c.name) ? 0.25 : 0);
  let best = columns[0];
  for (const column of columns) if (best && score(column) > score(best)) best = column;
  return best?.index ?? 0;
}

/**
 * Header or not: the first row is a header when its cell in the phone column does not look like a number
 * while most of the column below does, or (no phone-like column at all) when it names a phone column.
 */
export function detectLayout(rows: readonly string[][]): Layout {
  const asData = describeColumns(rows, null);
  const withHeader = describeColumns(rows, 0);
  const phoneColumn = bestPhoneColumn(withHeader);
  const below = withHeader[phoneColumn];
  const firstCell = rows[0]?.[phoneColumn] ?? '';
  const columnIsPhones = Boolean(below?.filled && below.phoneLike / below.filled >= 0.5);
  const isHeader =
    rows.length > 1 &&
    !looksLikePhone(firstCell) &&
    (columnIsPhones || (rows[0] ?? []).some((cell) => PHONE_HEADER.test(cell)));
  return isHeader
    ? { headerIndex: 0, phoneColumn, columns: withHeader }
    : { headerIndex: null, phoneColumn: bestPhoneColumn(asData), columns: asData };
}
