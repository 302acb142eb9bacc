// The check before anything is sent: each row's number normalised to E.164 (or why not), then every row
// classified as ready, invalid, a duplicate of an earlier row, already in the profile, or dropped by the
// person. Normalising is the slow part (the phone library, time-sliced by the caller); classifying is a
// cheap pass over the results, rerun after every fix or drop.
import type { ImportRowInput, RowProblem } from '../../shared/imports';
import { LINE_WARNING_REASONS, type LineWarning } from './lineTypeWarnings';

// 'landline' and 'voip' are ready rows with a warning (lineTypeWarnings.ts): sent unless dropped.
export const STATUSES = ['ready', 'landline', 'voip', 'invalid', 'duplicate', 'exists', 'dropped'] as const;
export type RowStatus = (typeof STATUSES)[number];

export type Normalise = (
  input: string,
) => { ok: true; e164: string; warning?: LineWarning | null } | { ok: false; reason: string };

export interface CheckedRow {
  /** Row number in the file. */
  row: number;
  /** The number as it will be sent: the file's cell, or the person's fix. */
  input: string;
  edited: boolean;
  dropped: boolean;
  e164: string | null;
  /** Why `input` is not a phone number (null when it is one). */
  invalid: string | null;
  /** A valid number that a text will not (or may not) reach. */
  warning?: LineWarning | null;
}

export interface Verdict {
  status: RowStatus;
  /** Said next to the row: why it will not be sent. */
  reason: string | null;
}

export interface Classification {
  /** One per checked row, in the same order. */
  verdicts: Verdict[];
  counts: Record<RowStatus, number>;
}

const READY: Verdict = { status: 'ready', reason: null };
const DROPPED: Verdict = { status: 'dropped', reason: 'Dropped: it will not be imported.' };
const EXISTS: Verdict = { status: 'exists', reason: 'Already in this profile.' };

/** One cell checked: its E.164 form, or why it is not a phone number. */
export function checkCell(
  input: string,
  normalise: Normalise,
): Pick<CheckedRow, 'e164' | 'invalid' | 'warning'> {
  if (!input.trim()) return { e164: null, invalid: 'No number in this row.' };
  const result = normalise(input);
  return result.ok
    ? { e164: result.e164, invalid: null, warning: result.warning ?? null }
    : { e164: null, invalid: result.reason };
}

export function checkedRow(row: number, input: string, normalise: Normalise): CheckedRow {
  return { row, input, edited: false, dropped: false, ...checkCell(input, normalise) };
}

/** A fix typed in: the row's new text, checked again. */
export function fixRow(row: CheckedRow, input: string, normalise: Normalise): CheckedRow {
  return { ...row, input, edited: true, dropped: false, ...checkCell(input, normalise) };
}

/**
 * Verdicts row by row, in file order: the first row with a number is the one sent, later rows with the same
 * number are duplicates of it. `existing` holds the profile's numbers when they were read (null: not known).
 * Fed one row at a time by the time-sliced check, so the first verdicts cost no extra pass.
 */
export class Classifier {
  private readonly verdicts: Verdict[] = [];
  private readonly counts: Record<RowStatus, number> = {
    ready: 0,
    landline: 0,
    voip: 0,
    invalid: 0,
    duplicate: 0,
    exists: 0,
    dropped: 0,
  };
  private readonly firstRowOf = new Map<string, number>();

  constructor(private readonly existing: ReadonlySet<string> | null) {}

  add(row: CheckedRow): void {
    let verdict: Verdict;
    if (row.dropped) verdict = DROPPED;
    else if (row.e164 === null) verdict = { status: 'invalid', reason: row.invalid };
    else {
      const first = this.firstRowOf.get(row.e164);
      if (first !== undefined) verdict = { status: 'duplicate', reason: `Duplicate of row ${first}.` };
      else {
        this.firstRowOf.set(row.e164, row.row);
        verdict = this.existing?.has(row.e164)
          ? EXISTS
          : row.warning
            ? { status: row.warning, reason: LINE_WARNING_REASONS[row.warning] }
            : READY;
      }
    }
    this.counts[verdict.status]++;
    this.verdicts.push(verdict);
  }

  result(): Classification {
    return { verdicts: this.verdicts, counts: this.counts };
  }
}

/** Every row's verdict at once (after a fix or a drop, or once the profile's numbers are known). */
export function classify(rows: readonly CheckedRow[], existing: ReadonlySet<string> | null): Classification {
  const classifier = new Classifier(existing);
  for (const row of rows) classifier.add(row);
  return classifier.result();
}

const PROBLEMS: Record<Exclude<RowStatus, 'dropped'>, RowProblem | null> = {
  ready: null,
  landline: null,
  voip: null,
  invalid: 'invalid',
  duplicate: 'duplicate',
  exists: 'exists',
};

/** Rows that will be sent: ready ones, with or without a line-type warning. */
export const toSend = (counts: Record<RowStatus, number>) => counts.ready + counts.landline + counts.voip;

/**
 * The rows of POST /__imports. Rows with a problem go too (stored and counted, never sent), so the
 * receipt and the failed-rows CSV account for the whole file; dropped rows do not.
 */
export function importRows(rows: readonly CheckedRow[], { verdicts }: Classification): ImportRowInput[] {
  const out: ImportRowInput[] = [];
  rows.forEach((row, index) => {
    const status = verdicts[index]?.status ?? 'dropped';
    if (status === 'dropped') return;
    out.push({ row: row.row, input: row.input, phone: row.e164, problem: PROBLEMS[status] });
  });
  return out;
}
