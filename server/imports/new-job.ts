// A started import's rows as stored: one per number, numbered 1, 2, … in file order (row, then the order the
// browser sent a row's numbers in: column, then place in the cell), each with its source. Numbers the
// browser's check set aside keep its verdict (never sent) with a reason a person can act on; the rest wait to
// be sent.
import type { RowProblem, RowState } from '../../src/shared/imports.ts';
import type { ValidImportRequest } from './schemas.ts';
import type { NewRow } from './store.ts';

const STATE_OF: Record<RowProblem, RowState> = {
  invalid: 'invalid',
  duplicate: 'duplicate',
  exists: 'existed',
};

type InputRow = ValidImportRequest['rows'][number];

/** The columns the numbers came from, in order of first use. */
function columnsOf(rows: readonly InputRow[]): string[] {
  const names = new Set<string>();
  for (const r of rows) if (r.column) names.add(r.column);
  return [...names];
}

/** The job's rows, and the columns they came from (ImportJob.columns). */
export function rowsToStore(req: ValidImportRequest): { rows: NewRow[]; columns: string[] } {
  // By row; a row's numbers keep the order they were sent in (the sort is stable).
  const rows = [...req.rows].sort((a, b) => a.row - b.row);
  const columns = columnsOf(rows);
  // With several columns a number's source names its column too, as the browser's check says it.
  const withColumn = columns.length > 1;
  const sourceOf = (r: InputRow) => `row ${r.row}${withColumn && r.column ? `, ${r.column}` : ''}`;
  // The number a duplicate repeats: the first one with that number.
  const firstWith = new Map<string, InputRow>();
  for (const r of rows) if (r.phone && !firstWith.has(r.phone)) firstWith.set(r.phone, r);
  const reasonFor = (r: InputRow): string | null => {
    switch (r.problem) {
      case null:
        return null;
      case 'invalid':
        return r.input.trim() ? `not a valid number for ${req.default_region}` : 'no number in this row';
      case 'duplicate': {
        const first = r.phone ? firstWith.get(r.phone) : undefined;
        return first && first !== r ? `duplicate of ${sourceOf(first)}` : 'duplicate of another number';
      }
      case 'exists':
        return 'already a contact';
    }
  };
  const stored = rows.map((r, i) => ({
    item: i + 1,
    row: r.row,
    column: r.column ?? null,
    input: r.input,
    phone: r.phone,
    problem: r.problem,
    state: r.problem ? STATE_OF[r.problem] : 'pending',
    reason: reasonFor(r),
  }));
  return { rows: stored, columns };
}
