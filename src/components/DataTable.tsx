// The console's one table: header, rows (or placeholder rows on the first load, the previous page dimmed
// while the next loads) and the footer with the count, the page size and the pager. Screens bring a
// TanStack table and its rows; they do not lay tables out themselves.
import type { HeaderGroup, RowData, TableFeatures } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { PageSizeSelect, type PageSizeSelectProps } from './PageSizeSelect';
import { TableHead } from './TableHead';
import { TableSkeleton } from './TableSkeleton';

export interface DataTableProps<TFeatures extends TableFeatures, TData extends RowData> {
  table: { getHeaderGroups(): HeaderGroup<TFeatures, TData>[] };
  /** For screen readers: what the table is (and how to use its rows). */
  caption: string;
  className?: string;
  /** The first page is still loading: placeholder rows of these columns instead of rows. */
  skeleton?: { columns: readonly string[]; rows: number } | null;
  /** The previous page still shows while the next one loads. */
  stale?: boolean;
  /** The rows: ./TableBody, or a body of the screen's own (rows that open, links in cells). Not imported
   *  here, so the contact list's first paint does not carry TableBody. */
  body: ReactNode;
  footer: ReactNode;
}

export function DataTable<TFeatures extends TableFeatures, TData extends RowData>(
  props: DataTableProps<TFeatures, TData>,
) {
  const { table, skeleton, stale = false } = props;
  return (
    <>
      <div className="table-scroll">
        <table
          className={['table', props.className, stale && 'table-stale'].filter(Boolean).join(' ')}
          aria-busy={Boolean(skeleton) || stale}
        >
          <caption className="sr-only">{props.caption}</caption>
          <TableHead groups={table.getHeaderGroups()} />
          {skeleton ? <TableSkeleton columns={skeleton.columns} rows={skeleton.rows} /> : props.body}
        </table>
      </div>
      {props.footer}
    </>
  );
}

/** Under a table: "21–40 of 150 contacts" (or what is loading), rows per page, and the pager. */
export function TableFooter<T extends number>(props: {
  summary: ReactNode;
  pageSize: PageSizeSelectProps<T>;
  pager: ReactNode;
}) {
  return (
    <footer className="table-footer">
      {props.summary}
      <PageSizeSelect {...props.pageSize} />
      {props.pager}
    </footer>
  );
}
