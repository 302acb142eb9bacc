// The check before anything is sent: each number normalised to E.164 (or why not), then every number
// classified as ready, invalid, a duplicate of an earlier one, already in the profile, or dropped by the
// person. A row may give several numbers (several phone columns, several numbers in a cell), each checked on
// its own and named by its source: row (or vCard card) and column. Normalising is the slow part (the phone
// library, time-sliced by the caller); classifying is a cheap pass over the results, rerun after every fix
// or drop.
import type { ImportRowInput, RowProblem } from '../../shared/imports';
import { splitNumbers } from './split';

export const STATUSES = ['ready', 'invalid', 'duplicate', 'exists', 'dropped'] as const;
export type RowStatus = (typeof STATUSES)[number];

/**
 * The statuses that set a number aside (stored and counted, never sent), with the problem the job keeps for
 * each: the one list the screen's filter, its counts and the request are made from.
 */
export const SET_ASIDE = {
  invalid: 'invalid',
  duplicate: 'duplicate',
  exists: 'exists',
} as const satisfies Partial<Record<RowStatus, RowProblem>>;
export type SetAsideStatus = keyof typeof SET_ASIDE;
export const isSetAside = (status: RowStatus): status is SetAsideStatus => status in SET_ASIDE;
export const setAsideCount = (counts: Record<RowStatus, number>) =>
  (Object.keys(SET_ASIDE) as SetAsideStatus[]).reduce((n, status) => n + counts[status], 0);

export type Normalise = (input: string) => { ok: true; e164: string } | { ok: false; reason: string };

export interface CheckedRow {
  /** Row number in the file (a vCard's card number). */
  row: number;
  /** The column it came from, by name; null: the row had no number in any chosen column. */
  column: string | null;
  /** The number as it will be sent: as written in the file, or the person's fix. */
  input: string;
  edited: boolean;
  dropped: boolean;
  e164: string | null;
  /** Why `input` is not a phone number (null when it is one). */
  invalid: string | null;
}

/** How a number's source is said: "row 3", or with several columns "row 3, Mobile Phone" ("card 3, …"). */
export interface SourceNaming {
  unit: 'row' | 'card';
  withColumn: boolean;
}
export const ROWS_ONLY: SourceNaming = { unit: 'row', withColumn: false };

export function sourceOf(item: Pick<CheckedRow, 'row' | 'column'>, naming: SourceNaming): string {
  const column = naming.withColumn && item.column ? `, ${item.column}` : '';
  return `${naming.unit} ${item.row}${column}`;
}

export interface Verdict {
  status: RowStatus;
  /** Said next to the number: why it will not be sent. */
  reason: string | null;
}

export interface Classification {
  /** One per checked number, in the same order. */
  verdicts: Verdict[];
  counts: Record<RowStatus, number>;
}

const READY: Verdict = { status: 'ready', reason: null };
const DROPPED: Verdict = { status: 'dropped', reason: 'Dropped: it will not be imported.' };
const EXISTS: Verdict = { status: 'exists', reason: 'Already in this profile.' };

/** One number checked: its E.164 form, or why it is not a phone number. */
export function checkCell(
  input: string,
  normalise: Normalise,
  unit: SourceNaming['unit'] = 'row',
): Pick<CheckedRow, 'e164' | 'invalid'> {
  if (!input.trim()) return { e164: null, invalid: `No number in this ${unit}.` };
  const result = normalise(input);
  return result.ok ? { e164: result.e164, invalid: null } : { e164: null, invalid: result.reason };
}

export function checkedRow(
  row: number,
  input: string,
  normalise: Normalise,
  column: string | null = null,
  unit: SourceNaming['unit'] = 'row',
): CheckedRow {
  return { row, column, input, edited: false, dropped: false, ...checkCell(input, normalise, unit) };
}

/**
 * The numbers of one row: each chosen column's cell split into its numbers, each checked; a row with none in
 * any chosen column gives one "no number" entry, so every row is accounted for. `names[i]` names `columns[i]`.
 */
export function checkRowNumbers(
  row: number,
  cells: readonly string[],
  columns: readonly number[],
  names: readonly string[],
  normalise: Normalise,
  unit: SourceNaming['unit'] = 'row',
): CheckedRow[] {
  const out: CheckedRow[] = [];
  columns.forEach((column, i) => {
    for (const number of splitNumbers(cells[column] ?? '')) {
      out.push(checkedRow(row, number, normalise, names[i] ?? null, unit));
    }
  });
  if (out.length === 0) out.push(checkedRow(row, '', normalise, null, unit));
  return out;
}

/** A fix typed in: the number's new text, checked again. */
export function fixRow(row: CheckedRow, input: string, normalise: Normalise): CheckedRow {
  return { ...row, input, edited: true, dropped: false, ...checkCell(input, normalise) };
}

/**
 * Verdicts number by number, in file order (row, then column, then place in the cell): the first with a
 * number is the one sent, later ones with the same number, in any column or card, are duplicates of it.
 * `existing` holds the profile's numbers when they were read (null: not known). Fed one number at a time
 * by the time-sliced check, so the first verdicts cost no extra pass.
 */
export class Classifier {
  private readonly verdicts: Verdict[] = [];
  private readonly counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<RowStatus, number>;
  private readonly firstOf = new Map<string, Pick<CheckedRow, 'row' | 'column'>>();

  constructor(
    private readonly existing: ReadonlySet<string> | null,
    private readonly naming: SourceNaming = ROWS_ONLY,
  ) {}

  add(row: CheckedRow): void {
    let verdict: Verdict;
    if (row.dropped) verdict = DROPPED;
    else if (row.e164 === null) verdict = { status: 'invalid', reason: row.invalid };
    else {
      const first = this.firstOf.get(row.e164);
      if (first !== undefined) {
        verdict = { status: 'duplicate', reason: `Duplicate of ${sourceOf(first, this.naming)}.` };
      } else {
        this.firstOf.set(row.e164, row);
        verdict = this.existing?.has(row.e164) ? EXISTS : READY;
      }
    }
    this.counts[verdict.status]++;
    this.verdicts.push(verdict);
  }

  result(): Classification {
    return { verdicts: this.verdicts, counts: this.counts };
  }
}

/** Every number's verdict at once (after a fix or a drop, or once the profile's numbers are known). */
export function classify(
  rows: readonly CheckedRow[],
  existing: ReadonlySet<string> | null,
  naming: SourceNaming = ROWS_ONLY,
): Classification {
  const classifier = new Classifier(existing, naming);
  for (const row of rows) classifier.add(row);
  return classifier.result();
}

/**
 * The rows of POST /__imports, one per number with its source. Numbers set aside go too (stored and
 * counted, never sent), so the receipt and the failed-rows CSV account for the whole file; dropped ones do
 * not.
 */
export function importRows(rows: readonly CheckedRow[], { verdicts }: Classification): ImportRowInput[] {
  const out: ImportRowInput[] = [];
  rows.forEach((row, index) => {
    const status = verdicts[index]?.status ?? 'dropped';
    if (status === 'dropped') return;
    out.push({
      row: row.row,
      column: row.column,
      input: row.input,
      phone: row.e164,
      problem: isSetAside(status) ? SET_ASIDE[status] : null,
    });
  });
  return out;
}
