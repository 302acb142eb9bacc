// Which columns hold the phone numbers and whether the first row is a header, guessed from the column counts
// (./columnCounts: over the whole file) and the first rows. A guess the person sees and can change: the
// mapping step shows both, each column with its count of numbers, and every column can be ticked.
import { type ColumnCount, ColumnCounter, countsWithout, phoneNumbersIn } from './columnCounts';

/** Rows looked at when there are no counts of the whole file. */
const SAMPLE_ROWS = 200;
/** Header names that say "phone number" in the usual exports (Google, Outlook, CRMs) and spreadsheets. */
const PHONE_HEADER =
  /phone|mobile|\bcell|\btel|handy|msisdn|whats ?app|landline|telefon|téléphone|portable|móvil|celular|festnetz|\bfixe|phone ?number|mobilnummer/i;
/** Columns that hold numbers but not ones to send messages to: never ticked by the guess. */
const NOT_PHONE =
  /fax|pager|telex|\bisdn|zip|postal|post ?code|\bplz\b|\bid\b|\bnhs\b|account|customer|order|invoice|birthday|date/i;

export interface ColumnGuess {
  index: number;
  /** The header cell, or "Column B" without a header. */
  name: string;
  /** Non-empty data cells, cells with a phone-like number, and the numbers in them (a cell may hold several). */
  filled: number;
  phoneCells: number;
  numbers: number;
  /** A value from the column, to recognise it by. */
  example: string;
}

export interface Layout {
  /** Index (into the rows) of the header row; null: every row is data. */
  headerIndex: number | null;
  /** The columns ticked by default, left to right. */
  phoneColumns: number[];
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

/**
 * Each column's name and counts, with `headerIndex` as the header (rows above it are not data). `counts`:
 * the whole file's (rows up to the header are taken out); null: the first rows below the header are counted.
 */
export function describeColumns(
  rows: readonly string[][],
  headerIndex: number | null,
  counts: readonly ColumnCount[] | null,
): ColumnGuess[] {
  const header = headerIndex === null ? [] : (rows[headerIndex] ?? []);
  const first = headerIndex === null ? 0 : headerIndex + 1;
  const sample = rows.slice(first, first + SAMPLE_ROWS);
  let data: ColumnCount[];
  if (counts) data = countsWithout(counts, rows.slice(0, first));
  else {
    const counter = new ColumnCounter();
    for (const row of sample) counter.add(row);
    data = Array.from(counter.counts);
  }
  const width = Math.max(header.length, data.length, ...sample.map((row) => row.length), 1);
  return Array.from({ length: width }, (_, index) => {
    const count = data[index];
    return {
      index,
      name: header[index]?.trim() || `Column ${columnLetter(index)}`,
      filled: count?.filled ?? 0,
      phoneCells: count?.phoneCells ?? 0,
      numbers: count?.numbers ?? 0,
      example: count?.example || (sample.find((row) => row[index]?.trim())?.[index]?.trim() ?? ''),
    };
  });
}

const mostlyPhones = (c: ColumnGuess) => c.phoneCells > 0 && c.phoneCells >= c.filled / 2;
const namedPhone = (c: ColumnGuess) => PHONE_HEADER.test(c.name) && !NOT_PHONE.test(c.name);

/** The single likeliest column: most phone-like cells (a phone-ish name counts for more), then leftmost. */
export function bestPhoneColumn(columns: readonly ColumnGuess[]): number {
  const score = (c: ColumnGuess) =>
    (NOT_PHONE.test(c.name) ? 0 : c.phoneCells) * (namedPhone(c) ? 2 : 1) + (namedPhone(c) ? 0.5 : 0);
  let best = columns[0];
  for (const column of columns) if (best && score(column) > score(best)) best = column;
  return best?.index ?? 0;
}

/**
 * The columns ticked by default: with a header, those named like a phone column whose cells are mostly
 * numbers ("Phone 1 - Value", "Mobile Phone", "Landline"); else (or when none is named so) every column
 * mostly of numbers but fax, pager, IDs and the like; at least the single likeliest one.
 */
export function defaultPhoneColumns(columns: readonly ColumnGuess[], hasHeader: boolean): number[] {
  const candidates = columns.filter((c) => mostlyPhones(c) && !NOT_PHONE.test(c.name));
  const named = hasHeader ? candidates.filter(namedPhone) : [];
  const chosen = named.length ? named : candidates;
  return chosen.length ? chosen.map((c) => c.index) : [bestPhoneColumn(columns)];
}

/**
 * Header or not: the first row is a header when its cell in the likeliest column does not look like a
 * number while most of the column below does, or (no phone-like column at all) when it names a phone column.
 */
export function detectLayout(
  rows: readonly string[][],
  counts: readonly ColumnCount[] | null = null,
  /** The first row is the header, whatever it looks like (a vCard's, made from its cards). */
  fixedHeader = false,
): Layout {
  const withHeader = describeColumns(rows, 0, counts);
  const best = bestPhoneColumn(withHeader);
  const below = withHeader[best];
  const firstCell = rows[0]?.[best] ?? '';
  const isHeader =
    fixedHeader ||
    (rows.length > 1 &&
      phoneNumbersIn(firstCell) === 0 &&
      (Boolean(below && mostlyPhones(below)) || (rows[0] ?? []).some((cell) => PHONE_HEADER.test(cell))));
  const columns = isHeader ? withHeader : describeColumns(rows, null, counts);
  return { headerIndex: isHeader ? 0 : null, phoneColumns: defaultPhoneColumns(columns, isHeader), columns };
}
