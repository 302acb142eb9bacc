// What the check's "Show" menu offers: every number, those set aside, or one verdict. One list, so another
// kind of finding (a warning beside the problems) is one more entry here, not a change in every screen part.
import { type Classification, isSetAside, STATUSES, setAsideCount, type Verdict } from './check';
import { STATUS_LABELS } from './checkColumns';

export interface CheckFilter {
  value: string;
  label: string;
  keep(verdict: Verdict): boolean;
  count(classification: Classification): number;
}

export const CHECK_FILTERS: readonly CheckFilter[] = [
  { value: 'all', label: 'All numbers', keep: () => true, count: (c) => c.verdicts.length },
  {
    value: 'problems',
    label: 'Numbers with problems',
    keep: (verdict) => isSetAside(verdict.status),
    count: (c) => setAsideCount(c.counts),
  },
  ...STATUSES.map(
    (status): CheckFilter => ({
      value: status,
      label: STATUS_LABELS[status][0],
      keep: (verdict) => verdict.status === status,
      count: (c) => c.counts[status],
    }),
  ),
];

/** The indices of the numbers a filter keeps; null for all of them (no list needed). */
export function kept(classification: Classification, value: string): number[] | null {
  const filter = CHECK_FILTERS.find((f) => f.value === value);
  if (!filter || value === 'all') return null;
  const indices: number[] = [];
  classification.verdicts.forEach((verdict, index) => {
    if (filter.keep(verdict)) indices.push(index);
  });
  return indices;
}
