// The check table's columns: the row (or card) number and, with several phone columns, the column; the
// number as written (or a field to fix it), the E.164 number it becomes, the verdict with its reason, and
// Fix / Drop / Restore.
import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import { useState } from 'react';
import { Badge, type BadgeTone } from '../../components/Badge';
import { type CheckedRow, type RowStatus, type SourceNaming, sourceOf, type Verdict } from './check';

// One page is made and handed over (CheckTable): no TanStack paging feature needed.
export const checkFeatures = tableFeatures({});

/** One row of the check as the table shows it; `index` is its place among all checked rows. */
export interface CheckItem {
  index: number;
  row: CheckedRow;
  verdict: Verdict;
}

export const STATUS_LABELS: Record<RowStatus, [label: string, tone: BadgeTone]> = {
  ready: ['Ready', 'success'],
  landline: ['Landline', 'warning'],
  voip: ['VoIP', 'warning'],
  invalid: ['Invalid', 'danger'],
  duplicate: ['Duplicate', 'warning'],
  exists: ['Already there', 'info'],
  dropped: ['Dropped', 'neutral'],
};

export interface RowActions {
  naming: SourceNaming;
  editing: number | null;
  startFix(index: number): void;
  saveFix(index: number, input: string): void;
  cancelFix(): void;
  setDropped(index: number, dropped: boolean): void;
}

function FixForm({ item, actions }: { item: CheckItem; actions: RowActions }) {
  const [text, setText] = useState(item.row.input);
  return (
    <form
      className="import-fix"
      onSubmit={(event) => {
        event.preventDefault();
        actions.saveFix(item.index, text);
      }}
    >
      <input
        className="input"
        aria-label={`Number for ${sourceOf(item.row, actions.naming)}`}
        value={text}
        // biome-ignore lint/a11y/noAutofocus: the field appears because the person asked to fix this row
        autoFocus
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && actions.cancelFix()}
      />
      <button type="submit" className="btn btn-small btn-primary">
        Check
      </button>
      <button type="button" className="btn btn-small" onClick={actions.cancelFix}>
        Cancel
      </button>
    </form>
  );
}

const column = createColumnHelper<typeof checkFeatures, CheckItem>();

export function checkColumns(actions: RowActions) {
  const { unit, withColumn } = actions.naming;
  const source = [
    column.accessor((item) => item.row.row, {
      id: 'row',
      header: unit === 'card' ? 'Card' : 'Row',
      // On a phone the Column column gives way: its name goes under the row number instead.
      cell: (info) => (
        <>
          {info.getValue()}
          {withColumn ? (
            <span className="import-row-column" aria-hidden="true">
              {info.row.original.row.column}
            </span>
          ) : null}
        </>
      ),
    }),
    ...(withColumn
      ? [column.accessor((item) => item.row.column ?? '—', { id: 'column', header: 'Column' })]
      : []),
  ];
  return column.columns([
    ...source,
    column.accessor((item) => item.row.input, {
      id: 'input',
      header: 'In the file',
      cell: (info) =>
        actions.editing === info.row.original.index ? (
          <FixForm item={info.row.original} actions={actions} />
        ) : (
          <span className="import-input">
            {info.getValue() || <span className="muted">(empty)</span>}
            {info.row.original.row.edited ? <span className="muted"> · fixed</span> : null}
          </span>
        ),
    }),
    column.accessor((item) => item.row.e164, {
      id: 'number',
      header: 'Number',
      cell: (info) => <span className="number">{info.getValue() ?? '—'}</span>,
    }),
    column.accessor((item) => item.verdict, {
      id: 'status',
      header: 'Check',
      cell: (info) => {
        const { status, reason } = info.getValue();
        const [label, tone] = STATUS_LABELS[status];
        return (
          <span className="import-verdict">
            <Badge tone={tone}>{label}</Badge>
            {reason && status !== 'dropped' ? <span className="import-reason">{reason}</span> : null}
          </span>
        );
      },
    }),
    column.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      cell: (info) => {
        const { index, row, verdict } = info.row.original;
        if (actions.editing === index) return null;
        const label = sourceOf(row, actions.naming);
        return row.dropped ? (
          <button type="button" className="btn btn-small" onClick={() => actions.setDropped(index, false)}>
            Restore <span className="sr-only">{label}</span>
          </button>
        ) : (
          <span className="import-actions">
            {verdict.status === 'ready' ? null : (
              <button type="button" className="btn btn-small" onClick={() => actions.startFix(index)}>
                Fix <span className="sr-only">{label}</span>
              </button>
            )}
            <button type="button" className="btn btn-small" onClick={() => actions.setDropped(index, true)}>
              Drop <span className="sr-only">{label}</span>
            </button>
          </span>
        );
      },
    }),
  ]);
}

export const checkColumnIds = ['row', 'column', 'input', 'number', 'status', 'actions'] as const;
