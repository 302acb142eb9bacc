// One page of the check in the shared table parts. Only that page is ever made and rendered (never 100,000
// numbers): it is handed to TanStack Table as a manually paginated table. The page number lives in the
// address (?page=), like every table of the console, so the shared pager's links work.
import { useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Pager } from '../../components/Pager';
import { PageSizeSelect } from '../../components/PageSizeSelect';
import { RangeSummary } from '../../components/RangeSummary';
import { TableBody } from '../../components/TableBody';
import { TableHead } from '../../components/TableHead';
import { type CheckItem, checkColumns, checkFeatures, type RowActions } from './checkColumns';

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** The check's page from the address, kept within the pages there are. */
export function useCheckPage(pageCount: number): [number, (page: number) => void, (page: number) => string] {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('page'));
  const page = Number.isInteger(asked) && asked > 1 ? Math.min(asked, Math.max(1, pageCount)) : 1;
  const hrefFor = (target: number) => {
    const next = new URLSearchParams(params);
    if (target > 1) next.set('page', String(target));
    else next.delete('page');
    const search = next.toString();
    return search ? `?${search}` : '?';
  };
  const go = (target: number) => setParams(new URLSearchParams(hrefFor(target).slice(1)));
  return [page, go, hrefFor];
}

export function CheckTable(props: {
  /** Rows the filter shows; only one page of them is ever made into items. */
  total: number;
  itemsBetween: (from: number, to: number) => CheckItem[];
  pageSize: PageSize;
  onPageSize: (size: PageSize) => void;
  actions: RowActions;
  caption: string;
}) {
  const { total, pageSize } = props;
  const pageCount = Math.ceil(total / pageSize);
  const [page, go, hrefFor] = useCheckPage(pageCount);
  const data = props.itemsBetween((page - 1) * pageSize, page * pageSize);
  const columns = useMemo(() => checkColumns(props.actions), [props.actions]);
  const table = useTable({
    features: checkFeatures,
    columns,
    data,
    getRowId: (item) => String(item.index),
    manualPagination: true,
    rowCount: total,
    state: { pagination: { pageIndex: page - 1, pageSize } },
  });
  const fields = [...new URLSearchParams(hrefFor(1).slice(1))];
  return (
    <>
      <div className="table-scroll">
        <table className="table import-table">
          <caption className="sr-only">{props.caption}</caption>
          <TableHead groups={table.getHeaderGroups()} />
          <TableBody
            rows={table.getRowModel().rows}
            mark={({ original: { row } }) => ({ 'data-row': row.row, 'data-column': row.column ?? '' })}
          />
        </table>
      </div>
      <footer className="table-footer">
        <RangeSummary page={page} pageSize={pageSize} total={total} noun={['number', 'numbers']} />
        <PageSizeSelect
          value={pageSize}
          options={PAGE_SIZES}
          onChange={(size) => {
            props.onPageSize(size);
            go(1);
          }}
          fields={fields}
        />
        <Pager page={page} pageCount={pageCount} onPageChange={go} hrefFor={hrefFor} fields={fields} />
      </footer>
    </>
  );
}
