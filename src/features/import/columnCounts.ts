// How many phone numbers each column holds, over the whole file: counted in the parse worker as the rows
// stream past (a sample would miss a "Phone 3 - Value" filled only from row 5,000 on), so the mapping step
// can offer every column that holds numbers, with its count. No DOM: runs in the worker and in tests.
import { isTelUri, numberFromTelUri } from '../../shared/telUri';
import { splitNumbers, withoutExtension } from './split';

/** Dates would pass for numbers by their digits alone. */
const DATE = /^\d{4}-\d{1,2}-\d{1,2}|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/;

/**
 * One number that reads like a phone number in some format: "+44 20 7946 0958", "0044…", "(020) 7946 0958",
 * "415-555-0100 x12", "tel:+1-202-555-0100". Only its shape, not its validity (the check does that).
 */
export function looksLikePhone(number: string): boolean {
  const text = isTelUri(number) ? (numberFromTelUri(number) ?? '') : withoutExtension(number.trim());
  if (DATE.test(text) || !/^\+?[\d\s().\-/]+$/.test(text)) return false;
  const digits = text.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 17;
}

/** How many of the numbers in a cell look like phone numbers (a cell may hold several). */
export function phoneNumbersIn(cell: string): number {
  // Most cells (names, e-mail addresses, labels) have too few digits to be a number: no splitting for them.
  let digits = 0;
  for (let i = 0; i < cell.length && digits < 6; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits < 6) return 0;
  let n = 0;
  for (const number of splitNumbers(cell)) if (looksLikePhone(number)) n++;
  return n;
}

export interface ColumnCount {
  /** Cells with something in them. */
  filled: number;
  /** Cells holding at least one phone-like number, and the numbers in them all. */
  phoneCells: number;
  numbers: number;
  /** The column's first phone-like cell ('' when none). */
  example: string;
}

const empty = (): ColumnCount => ({ filled: 0, phoneCells: 0, numbers: 0, example: '' });

/** Counts row after row; `minus` takes rows out again (those above and including a header row). */
export class ColumnCounter {
  readonly counts: ColumnCount[] = [];

  add(cells: readonly string[], sign: 1 | -1 = 1): void {
    for (let i = 0; i < cells.length; i++) {
      const cell = (cells[i] as string).trim();
      if (!cell) continue;
      let count = this.counts[i];
      if (!count) {
        count = empty();
        this.counts[i] = count;
      }
      count.filled += sign;
      const numbers = phoneNumbersIn(cell);
      if (!numbers) continue;
      count.phoneCells += sign;
      count.numbers += sign * numbers;
      if (sign === 1 && !count.example) count.example = cell;
    }
  }
}

/** `counts` without what `rows` add to them (the example stays: a header never looks like a number). */
export function countsWithout(
  counts: readonly ColumnCount[],
  rows: readonly (readonly string[])[],
): ColumnCount[] {
  const counter = new ColumnCounter();
  for (let i = 0; i < counts.length; i++) counter.counts[i] = { ...(counts[i] ?? empty()) };
  for (const row of rows) counter.add(row, -1);
  // A column no row filled is a hole in the array: an empty count instead.
  return Array.from(counter.counts, (count) => count ?? empty());
}
