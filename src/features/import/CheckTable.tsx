// One page of the check in the console's DataTable. Only that page is ever made and rendered (never 100,000
// numbers): TanStack Table gets just that page as its data. Page, page size and filter live in
// the address (./checkParams), like every table's of the console.
import { useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { DataTable, TableFooter } from '../../components/DataTable';
import { Pager } from '../../components/Pager';
import { RangeSummary } from '../../components/RangeSummary';
import { TableBody } from '../../components/TableBody';
import { type CheckItem, checkColumns, checkFeatures, type RowActions } from './checkColumns';
import { CHECK_PAGE_SIZES, useCheckParams } from './checkParams';

export function CheckTable(props: {
  /** Rows the filter shows; only one page of them is ever made into items. */
  total: number;
  itemsBetween: (from: number, to: number) => CheckItem[];
  actions: RowActions;
  caption: string;
}) {
  const { total } = props;
  const [params, update, { href, fields: formFields }] = useCheckParams();
  const pageSize = params.page_size;
  const pageCount = Math.ceil(total / pageSize);
  // A page past the end (rows dropped, a stale link) shows the last one.
  const page = Math.min(params.page, Math.max(1, pageCount));
  const data = props.itemsBetween((page - 1) * pageSize, page * pageSize);
  const columns = useMemo(() => checkColumns(props.actions), [props.actions]);
  const table = useTable({
    features: checkFeatures,
    columns,
    data,
    getRowId: (item) => String(item.index),
  });
  const fields = formFields();
  return (
    <DataTable
      table={table}
      caption={props.caption}
      className="import-table"
      body={
        <TableBody
          rows={table.getRowModel().rows}
          mark={({ original: { row } }) => ({ 'data-row': row.row, 'data-column': row.column ?? '' })}
        />
      }
      footer={
        <TableFooter
          summary={
            <RangeSummary page={page} pageSize={pageSize} total={total} noun={['number', 'numbers']} />
          }
          pageSize={{
            value: pageSize,
            options: CHECK_PAGE_SIZES,
            onChange: (size) => update({ page_size: size }),
            fields: formFields('page_size'),
          }}
          pager={
            <Pager
              page={page}
              pageCount={pageCount}
              onPageChange={(target) => update({ page: target })}
              hrefFor={(target) => href({ page: target })}
              fields={fields}
            />
          }
        />
      }
    />
  );
}
