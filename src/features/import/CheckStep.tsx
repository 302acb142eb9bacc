// Step 3: the check. While it runs, how far it got; then the counts, a filter (./checkFilters: all numbers,
// those with problems, or one verdict) and the table, where a number is fixed in place or dropped.
import { useId, useMemo, useState } from 'react';
import { CheckTable } from './CheckTable';
import type { Classification, RowStatus } from './check';
import { type CheckItem, type RowActions, STATUS_LABELS } from './checkColumns';
import { CHECK_FILTERS, kept } from './checkFilters';
import { useCheckParams } from './checkParams';
import { count } from './estimate';
import type { RowCheck } from './useRowCheck';

function Counts({ counts }: { counts: Classification['counts'] }) {
  return (
    <dl className="import-counts">
      {(Object.keys(STATUS_LABELS) as RowStatus[]).map((status) => (
        <div key={status} data-status={status}>
          <dt>{STATUS_LABELS[status][0]}</dt>
          <dd>{count(counts[status])}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CheckStep({
  check,
  classification,
  unit,
}: {
  check: RowCheck;
  classification: Classification | null;
  unit: 'row' | 'card';
}) {
  const id = useId();
  const [{ show: filter = 'all' }, update] = useCheckParams();
  const [editing, setEditing] = useState<number | null>(null);
  // The numbers the filter keeps, as indices (all of them: none needed); items are made for one page only.
  const shown = useMemo(
    () => (classification ? kept(classification, filter) : null),
    [classification, filter],
  );
  const total = shown ? shown.length : (check.rows?.length ?? 0);
  const itemsBetween = (from: number, to: number): CheckItem[] => {
    const items: CheckItem[] = [];
    for (let i = from; i < Math.min(to, total); i++) {
      const index = shown ? (shown[i] as number) : i;
      const row = check.rows?.[index];
      const verdict = classification?.verdicts[index];
      if (row && verdict) items.push({ index, row, verdict });
    }
    return items;
  };
  const { naming } = check;
  const actions = useMemo<RowActions>(
    () => ({
      naming,
      editing,
      startFix: setEditing,
      saveFix: (index, input) => {
        check.fix(index, input);
        setEditing(null);
      },
      cancelFix: () => setEditing(null),
      setDropped: check.setDropped,
    }),
    [naming, editing, check.fix, check.setDropped],
  );

  let body: React.ReactNode;
  if (check.error) {
    body = (
      <p className="field-problem" role="alert">
        The check could not run: {check.error}
      </p>
    );
  } else if (!check.rows || !classification) {
    body = (
      <div className="import-status" role="status">
        <progress max={check.total} value={check.done} aria-label="Rows checked" />
        <span>
          Checking {count(check.done)} of {count(check.total)} {unit}s…
        </span>
      </div>
    );
  } else {
    const { counts } = classification;
    body = (
      <>
        <Counts counts={counts} />
        <div className="import-filter">
          <label htmlFor={`${id}-filter`}>Show</label>
          <select
            id={`${id}-filter`}
            className="select"
            value={filter}
            onChange={(event) => update({ show: event.target.value })}
          >
            {CHECK_FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label} ({count(f.count(classification))})
              </option>
            ))}
          </select>
        </div>
        {total ? (
          <CheckTable total={total} itemsBetween={itemsBetween} actions={actions} caption="Checked numbers" />
        ) : (
          <p className="muted import-none">No rows to show with this filter.</p>
        )}
      </>
    );
  }
  return (
    <section className="card import-step" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>3. Check and fix</h2>
      {body}
    </section>
  );
}
