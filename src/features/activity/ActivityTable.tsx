// One page of entries in the shared table parts: skeleton on the first load, the previous page dimmed
// while the next loads, range, page size and pager in the footer.
import { type PaginationState, useTable } from '@tanstack/react-table';
import { Pager } from '../../components/Pager';
import { PageSizeSelect } from '../../components/PageSizeSelect';
import { RangeSummary } from '../../components/RangeSummary';
import { TableBody } from '../../components/TableBody';
import { TableHead } from '../../components/TableHead';
import { TableSkeleton } from '../../components/TableSkeleton';
import type { AuditPage } from '../../queries/activity';
import { type ActivityParams, activitySearch, PAGE_SIZES, type PageSize } from './activityParams';
import { activityColumnIds, activityColumns, activityFeatures } from './columns';

const NO_ROWS: AuditPage['data'] = [];

export function ActivityTable(props: {
  data: AuditPage | undefined;
  stale: boolean;
  params: ActivityParams;
  onPage: (page: number) => void;
  onPageSize: (size: PageSize) => void;
}) {
  const { page, pageSize } = props.params;
  const pagination: PaginationState = { pageIndex: page - 1, pageSize };
  // The pager's links and plain GET forms carry the rest of the view (they work before the app's JavaScript).
  const fieldsWithout = (...own: string[]) =>
    [...new URLSearchParams(activitySearch({ ...props.params, page: 1 }))].filter(
      ([key]) => !own.includes(key),
    );
  const table = useTable({
    features: activityFeatures,
    columns: activityColumns,
    data: props.data?.data ?? NO_ROWS,
    getRowId: (entry) => String(entry.seq),
    manualPagination: true,
    rowCount: props.data?.pagination.total ?? 0,
    state: { pagination },
  });
  const loading = !props.data;
  return (
    <>
      <div className="table-scroll">
        <table
          className={`table activity-table${props.stale ? ' table-stale' : ''}`}
          aria-busy={loading || props.stale}
        >
          <caption className="sr-only">Audit trail, newest first</caption>
          <TableHead groups={table.getHeaderGroups()} />
          {loading ? (
            <TableSkeleton columns={activityColumnIds} rows={10} />
          ) : (
            <TableBody rows={table.getRowModel().rows} mark={(row) => ({ 'data-seq': row.id })} />
          )}
        </table>
      </div>
      <footer className="table-footer">
        {props.data ? (
          <RangeSummary
            page={page}
            pageSize={pageSize}
            total={props.data.pagination.total}
            noun={['entry', 'entries']}
          />
        ) : (
          <p className="range muted">Loading activity…</p>
        )}
        <PageSizeSelect
          value={pageSize}
          options={PAGE_SIZES}
          onChange={props.onPageSize}
          fields={fieldsWithout('page_size')}
        />
        <Pager
          page={page}
          pageCount={table.getPageCount()}
          onPageChange={props.onPage}
          hrefFor={(target) => `/activity${activitySearch({ ...props.params, page: target })}`}
          fields={fieldsWithout()}
          disabled={loading}
        />
      </footer>
    </>
  );
}
