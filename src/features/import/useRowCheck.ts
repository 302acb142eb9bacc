// The check of every number of every data row (check.ts checkRowNumbers), on the main thread (the phone
// library lives here, not in the worker) in time slices. Rerun whenever the rows, the header row, the columns or the default region change. Fixes and drops change
// one number and leave the rest as they were.
import { useEffect, useMemo, useState } from 'react';
import { loadPhoneLib, type PhoneLib } from '../../lib/phone';
import {
  type CheckedRow,
  type Classification,
  Classifier,
  checkRowNumbers,
  fixRow,
  type Normalise,
  type SourceNaming,
} from './check';
import { columnLetter } from './detect';
import { type SourceTable, unitOf } from './readSource';
import { forEachSliced } from './slices';
import { withoutExtension } from './split';

export interface CheckInput {
  table: SourceTable;
  /** Index into the table's rows of the header row; rows up to it are not data. */
  headerIndex: number | null;
  /** The chosen columns, left to right. */
  columns: number[];
  region: string;
}

export interface RowCheck {
  /** Every number checked; null while the check runs. */
  rows: CheckedRow[] | null;
  /** How the check names a number's source (the classification must say it the same way). */
  naming: SourceNaming;
  /**
   * The rows' verdicts as the check made them, without the profile's numbers; null once a row was fixed
   * or dropped (the caller classifies again).
   */
  firstPass: Classification | null;
  /** Counts the checks that ran to the end (a fix or a drop is not one). */
  run: number;
  /** Rows (not numbers) checked so far, out of `total`. */
  done: number;
  total: number;
  /** The check failed (the phone library could not be loaded). */
  error: string | null;
  fix(index: number, input: string): void;
  setDropped(index: number, dropped: boolean): void;
}

/** The number without its extension: a contact is the line. */
const normaliser =
  (lib: PhoneLib, region: string): Normalise =>
  (input) =>
    lib.toE164(withoutExtension(input), region);

/** The chosen columns by name: the header's cell, or "Column B". */
export function columnNames(table: SourceTable, headerIndex: number | null, columns: readonly number[]) {
  const header = headerIndex === null ? [] : (table.cells[headerIndex] ?? []);
  return columns.map((index) => header[index]?.trim() || `Column ${columnLetter(index)}`);
}

export function useRowCheck({ table, headerIndex, columns, region }: CheckInput): RowCheck {
  const first = headerIndex === null ? 0 : headerIndex + 1;
  const total = Math.max(0, table.rows.length - first);
  const key = columns.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the columns by value (`key`), not by array
  const naming = useMemo<SourceNaming>(
    () => ({ unit: unitOf(table), withColumn: columns.length > 1 }),
    [table, key],
  );
  const [{ rows, firstPass }, setChecked] = useState<{
    rows: CheckedRow[] | null;
    firstPass: Classification | null;
  }>({ rows: null, firstPass: null });
  const [done, setDone] = useState(0);
  const [run, setRun] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [lib, setLib] = useState<PhoneLib | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setChecked({ rows: null, firstPass: null });
    setDone(0);
    setError(null);
    const run = async () => {
      const loaded = await loadPhoneLib();
      setLib(() => loaded);
      const normalise = normaliser(loaded, region);
      const picked = key ? key.split(',').map(Number) : [];
      const names = columnNames(table, headerIndex, picked);
      const checked: CheckedRow[] = [];
      // Verdicts as the numbers are checked: the last slice does not end with a pass over all of them.
      const classifier = new Classifier(null, naming);
      const { unit } = naming;
      await forEachSliced(
        total,
        (i) => {
          const row = table.rows[first + i] as number;
          for (const item of checkRowNumbers(
            row,
            table.cells[first + i] ?? [],
            picked,
            names,
            normalise,
            unit,
          )) {
            checked.push(item);
            classifier.add(item);
          }
        },
        { signal: controller.signal, onProgress: setDone },
      );
      setChecked({ rows: checked, firstPass: classifier.result() });
      // A new check, whose number of sends the profile check must plan with: React may render this and
      // the reset to null above together, so `rows` alone would not show that anything changed.
      setRun((n) => n + 1);
    };
    run().catch((failure: unknown) => {
      if (!controller.signal.aborted) setError(failure instanceof Error ? failure.message : String(failure));
    });
    return () => controller.abort();
  }, [table, first, total, key, headerIndex, region, naming]);

  const update = (index: number, change: (row: CheckedRow) => CheckedRow) =>
    setChecked((current) => {
      const row = current.rows?.[index];
      if (!current.rows || !row) return current;
      const next = current.rows.slice();
      next[index] = change(row);
      return { rows: next, firstPass: null };
    });

  return {
    rows,
    naming,
    firstPass,
    run,
    done,
    total,
    error,
    fix: (index, input) => {
      if (lib) update(index, (row) => fixRow(row, input, normaliser(lib, region)));
    },
    setDropped: (index, dropped) => update(index, (row) => ({ ...row, dropped })),
  };
}
