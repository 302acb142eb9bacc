// One page of entries in the console's DataTable: skeleton on the first load, the previous page dimmed
// while the next loads, count, page size and newest/newer/older links in the footer.
import { useTable } from '@tanstack/react-table';
import { DataTable, TableFooter } from '../../components/DataTable';
import { TableBody } from '../../components/TableBody';
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
  });
  return (
    <DataTable
      table={table}
      caption="Audit trail, newest first"
      className="activity-table"
      skeleton={props.data ? null : { columns: activityColumnIds, rows: 10 }}
      stale={props.stale}
      body={<TableBody rows={table.getRowModel().rows} mark={(row) => ({ 'data-seq': row.id })} />}
      footer={
        <TableFooter
          summary={
            props.data ? (
              <ActivityRange page={props.data} />
            ) : (
              <p className="range muted">Loading activity…</p>
            )
          }
          pageSize={{ value: pageSize, options: PAGE_SIZES, onChange: props.onPageSize, fields }}
          pager={<ActivityPager params={props.params} pagination={props.data?.pagination} />}
        />
      }
    />
  );
}
