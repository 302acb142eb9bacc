// One page of entries in the shared table parts: skeleton on the first load, the previous page dimmed
// while the next loads, count, page size and newest/newer/older links in the footer.
import { type PaginationState, useTable } from '@tanstack/react-table';
import { PageSizeSelect } from '../../components/PageSizeSelect';
import { TableBody } from '../../components/TableBody';
import { TableHead } from '../../components/TableHead';
import { TableSkeleton } from '../../components/TableSkeleton';
import type { AuditPage } from '../../queries/activity';
import { ActivityPager, ActivityRange } from './ActivityPager';
import { type ActivityParams, activitySearch, PAGE_SIZES, type PageSize } from './activityParams';
import { activityColumnIds, activityColumns, activityFeatures } from './columns';

const NO_ROWS: AuditPage['data'] = [];

export function ActivityTable(props: {
  data: AuditPage | undefined;
  stale: boolean;
  params: ActivityParams;
  onPageSize: (size: PageSize) => void;
}) {
  const { pageSize } = props.params;
  const pagination: PaginationState = { pageIndex: 0, pageSize };
  // The page size's plain GET form carries the filters (it works before the app's JavaScript); a new page
  // size starts from the newest entries.
  const fields = [...new URLSearchParams(activitySearch({ ...props.params, cursor: null }))].filter(
    ([key]) => key !== 'page_size',
  );
  const table = useTable({
    features: activityFeatures,
    columns: activityColumns,
    data: props.data?.data ?? NO_ROWS,
    getRowId: (entry) => String(entry.seq),
    manualPagination: true,
    rowCount: props.data?.data.length ?? 0,
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
        {props.data ? <ActivityRange page={props.data} /> : <p className="range muted">Loading activity…</p>}
        <PageSizeSelect value={pageSize} options={PAGE_SIZES} onChange={props.onPageSize} fields={fields} />
        <ActivityPager params={props.params} pagination={props.data?.pagination} />
      </footer>
    </>
  );
}
