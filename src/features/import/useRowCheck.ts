// The check of every data row, on the main thread (the phone library lives here, not in the worker) in
// time slices: rerun whenever the rows, the header row, the phone column or the default region change.
// Fixes and drops change one row and leave the rest as they were.
import { useEffect, useState } from 'react';
import { loadPhoneLib, type PhoneLib } from '../../lib/phone';
import { type CheckedRow, checkedRow, fixRow, type Normalise } from './check';
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
  /** Rows checked so far, out of `total`. */
  done: number;
  total: number;
  /** The check failed (the phone library could not be loaded). */
  error: string | null;
  fix(index: number, input: string): void;
  setDropped(index: number, dropped: boolean): void;
}

const normaliser =
  (lib: PhoneLib, region: string): Normalise =>
  (input) =>
    lib.toE164(input, region);

export function useRowCheck({ table, headerIndex, column, region }: CheckInput): RowCheck {
  const first = headerIndex === null ? 0 : headerIndex + 1;
  const total = Math.max(0, table.rows.length - first);
  const [rows, setRows] = useState<CheckedRow[] | null>(null);
  const [done, setDone] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [lib, setLib] = useState<PhoneLib | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setRows(null);
    setDone(0);
    setError(null);
    const run = async () => {
      const loaded = await loadPhoneLib();
      setLib(() => loaded);
      const normalise = normaliser(loaded, region);
      const checked = new Array<CheckedRow>(total);
      await forEachSliced(
        total,
        (i) => {
          const index = first + i;
          checked[i] = checkedRow(table.rows[index] as number, table.cells[index]?.[column] ?? '', normalise);
        },
        { signal: controller.signal, onProgress: setDone },
      );
      setRows(checked);
    };
    run().catch((failure: unknown) => {
      if (!controller.signal.aborted) setError(failure instanceof Error ? failure.message : String(failure));
    });
    return () => controller.abort();
  }, [table, first, total, column, region]);

  const update = (index: number, change: (row: CheckedRow) => CheckedRow) =>
    setRows((current) => {
      const row = current?.[index];
      if (!current || !row) return current;
      const next = current.slice();
      next[index] = change(row);
      return next;
    });

  return {
    rows,
    done,
    total,
    error,
    fix: (index, input) => {
      if (lib) update(index, (row) => fixRow(row, input, normaliser(lib, region)));
    },
    setDropped: (index, dropped) => update(index, (row) => ({ ...row, dropped })),
  };
}
