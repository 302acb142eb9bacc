// The check of every data row, on the main thread (the phone library lives here, not in the worker) in
// time slices: rerun whenever the rows, the header row, the phone column or the default region change.
// Fixes and drops change one row and leave the rest as they were.
import { useEffect, useState } from 'react';
import { loadPhoneLib, type PhoneLib } from '../../lib/phone';
import {
  type CheckedRow,
  type Classification,
  Classifier,
  checkedRow,
  fixRow,
  type Normalise,
} from './check';
import { type LineWarningOf, loadLineWarnings } from './lineTypeWarnings';
import type { SourceTable } from './readSource';
import { forEachSliced } from './slices';

export interface CheckInput {
  table: SourceTable;
  /** Index into the table's rows of the header row; rows up to it are not data. */
  headerIndex: number | null;
  column: number;
  region: string;
}

export interface RowCheck {
  /** Every data row checked; null while the check runs. */
  rows: CheckedRow[] | null;
  /**
   * The rows' verdicts as the check made them, without the profile's numbers; null once a row was fixed
   * or dropped (the caller classifies again).
   */
  firstPass: Classification | null;
  /** Rows checked so far, out of `total`. */
  done: number;
  total: number;
  /** The check failed (the phone library could not be loaded). */
  error: string | null;
  fix(index: number, input: string): void;
  setDropped(index: number, dropped: boolean): void;
}

const normaliser =
  (lib: PhoneLib, region: string, lineWarning: LineWarningOf | null): Normalise =>
  (input) => {
    const result = lib.toE164(input, region);
    return result.ok && lineWarning ? { ...result, warning: lineWarning(result.e164) } : result;
  };

export function useRowCheck({ table, headerIndex, column, region }: CheckInput): RowCheck {
  const first = headerIndex === null ? 0 : headerIndex + 1;
  const total = Math.max(0, table.rows.length - first);
  const [{ rows, firstPass }, setChecked] = useState<{
    rows: CheckedRow[] | null;
    firstPass: Classification | null;
  }>({ rows: null, firstPass: null });
  const [done, setDone] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [lib, setLib] = useState<PhoneLib | null>(null);
  const [lineWarning, setLineWarning] = useState<LineWarningOf | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setChecked({ rows: null, firstPass: null });
    setDone(0);
    setError(null);
    const run = async () => {
      const [loaded, warnings] = await Promise.all([loadPhoneLib(), loadLineWarnings()]);
      setLib(() => loaded);
      setLineWarning(() => warnings);
      const normalise = normaliser(loaded, region, warnings);
      const checked = new Array<CheckedRow>(total);
      // Verdicts as the rows are checked: the last slice does not end with a pass over all of them.
      const classifier = new Classifier(null);
      await forEachSliced(
        total,
        (i) => {
          const index = first + i;
          const row = checkedRow(table.rows[index] as number, table.cells[index]?.[column] ?? '', normalise);
          checked[i] = row;
          classifier.add(row);
        },
        { signal: controller.signal, onProgress: setDone },
      );
      setChecked({ rows: checked, firstPass: classifier.result() });
    };
    run().catch((failure: unknown) => {
      if (!controller.signal.aborted) setError(failure instanceof Error ? failure.message : String(failure));
    });
    return () => controller.abort();
  }, [table, first, total, column, region]);

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
    firstPass,
    done,
    total,
    error,
    fix: (index, input) => {
      if (lib) update(index, (row) => fixRow(row, input, normaliser(lib, region, lineWarning)));
    },
    setDropped: (index, dropped) => update(index, (row) => ({ ...row, dropped })),
  };
}
