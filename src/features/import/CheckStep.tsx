// Step 3: the check. While it runs, how far it got; then the counts, a filter (all rows, rows with
// problems, or one verdict) and the table, where a row is fixed in place or dropped.
import { useId, useMemo, useState } from 'react';
import { CheckTable, type PageSize, useCheckPage } from './CheckTable';
import type { Classification, RowStatus } from './check';
import { type CheckItem, type RowActions, STATUS_LABELS } from './checkColumns';
import { count } from './estimate';
import type { RowCheck } from './useRowCheck';

type Filter = 'all' | 'problems' | RowStatus;
// Landlines and VoIP numbers are warnings: imported unless dropped, but worth a look like the problems.
const PROBLEMS: ReadonlySet<RowStatus> = new Set(['invalid', 'duplicate', 'exists', 'landline', 'voip']);

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
}: {
  check: RowCheck;
  classification: Classification | null;
}) {
  const id = useId();
  const [filter, setFilter] = useState<Filter>('all');
  const [pageSize, setPageSize] = useState<PageSize>(25);
  const [editing, setEditing] = useState<number | null>(null);
  const [, goToPage] = useCheckPage(1);
  // The rows the filter keeps, as indices (all of them: none needed); items are made for one page only.
  const shown = useMemo(() => {
    if (!classification || filter === 'all') return null;
    const keep = (status: RowStatus) => (filter === 'problems' ? PROBLEMS.has(status) : status === filter);
    const indices: number[] = [];
    classification.verdicts.forEach((verdict, index) => {
      if (keep(verdict.status)) indices.push(index);
    });
    return indices;
  }, [classification, filter]);
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
  const actions = useMemo<RowActions>(
    () => ({
      editing,
      startFix: setEditing,
      saveFix: (index, input) => {
        check.fix(index, input);
        setEditing(null);
      },
      cancelFix: () => setEditing(null),
      setDropped: check.setDropped,
    }),
    [editing, check.fix, check.setDropped],
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
          Checking {count(check.done)} of {count(check.total)} rows…
        </span>
      </div>
    );
  } else {
    const { counts } = classification;
    const problems = [...PROBLEMS].reduce((sum, status) => sum + counts[status], 0);
    body = (
      <>
        <Counts counts={counts} />
        <div className="import-filter">
          <label htmlFor={`${id}-filter`}>Show</label>
          <select
            id={`${id}-filter`}
            className="select"
            value={filter}
            onChange={(event) => {
              setFilter(event.target.value as Filter);
              goToPage(1);
            }}
          >
            <option value="all">All rows ({count(check.rows.length)})</option>
            <option value="problems">Rows with problems ({count(problems)})</option>
            {(Object.keys(STATUS_LABELS) as RowStatus[]).map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status][0]} ({count(counts[status])})
              </option>
            ))}
          </select>
        </div>
        {total ? (
          <CheckTable
            total={total}
            itemsBetween={itemsBetween}
            pageSize={pageSize}
            onPageSize={setPageSize}
            actions={actions}
            caption="Checked rows"
          />
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
