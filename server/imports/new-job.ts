// A started import's rows as stored: rows the browser's check set aside keep its verdict (never sent) with a
// reason a person can act on; the rest wait to be sent.
import type { RowProblem, RowState } from '../../src/shared/imports.ts';
import type { ValidImportRequest } from './schemas.ts';
import type { NewRow } from './store.ts';

const STATE_OF: Record<RowProblem, RowState> = {
  invalid: 'invalid',
  duplicate: 'duplicate',
  exists: 'existed',
};

export function rowsToStore(req: ValidImportRequest): NewRow[] {
  const rows = [...req.rows].sort((a, b) => a.row - b.row);
  // The row a duplicate repeats: the first one with that number.
  const firstWith = new Map<string, number>();
  for (const r of rows) if (r.phone && !firstWith.has(r.phone)) firstWith.set(r.phone, r.row);
  const reasonFor = (r: ValidImportRequest['rows'][number]): string | null => {
    switch (r.problem) {
      case null:
        return null;
      case 'invalid':
        return `not a valid number for ${req.default_region}`;
      case 'duplicate': {
        const first = r.phone ? firstWith.get(r.phone) : undefined;
        return first !== undefined && first !== r.row
          ? `duplicate of row ${first}`
          : 'duplicate of another row';
      }
      case 'exists':
        return 'already a contact';
    }
  };
  return rows.map((r) => ({
    row: r.row,
    input: r.input,
    phone: r.phone,
    problem: r.problem,
    state: r.problem ? STATE_OF[r.problem] : 'pending',
    reason: reasonFor(r),
  }));
}
