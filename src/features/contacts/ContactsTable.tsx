import { flexRender, type TableOptions, useTable } from '@tanstack/react-table';
import { type KeyboardEvent, type MouseEvent, Suspense } from 'react';
import { DataTable } from '../../components/DataTable';
import type { Contact } from '../../queries/contacts';
import type { ProfileId } from '../../queries/keys';
import { baseTableFeatures, type ContactTableFeatures, contactColumnIds, contactColumns } from './columns';
import { LazySelectableTable } from './manage/lazySelection';
import { type TableLayout, useVisibilityFeature, visibilityOf } from './tableLayout';

const NO_ROWS: Contact[] = [];

export interface ContactsTableProps {
  /** One page of contacts: the server pages (the pager is the list's, below the table). */
  contacts: Contact[] | undefined;
  /** How many placeholder rows to show while loading (at most 12). */
  pageSize: number;
  /** Hidden columns and density (the user's saved layout). */
  layout: TableLayout;
  /** Where a row leads, e.g. `/contacts/<id>?profile=…`. */
  hrefFor: (contact: Contact) => string;
  onOpen: (contact: Contact) => void;
  loading: boolean;
  stale: boolean;
  footer: React.ReactNode;
  /** Row selection is on (for this profile's removal): the table comes from the selection chunk. */
  selection?: { profileId: ProfileId };
  /** Set by that chunk: its column, state and features on top of the table's own. */
  tableOptions?: Partial<TableOptions<ContactTableFeatures, Contact>>;
}

function useContactTable(
  props: Pick<ContactsTableProps, 'contacts' | 'layout' | 'tableOptions'>,
  features: ContactTableFeatures,
) {
  const extra = props.tableOptions;
  return useTable({
    features,
    columns: contactColumns,
    data: props.contacts ?? NO_ROWS,
    getRowId: (contact, index) => contact.id ?? String(index),
    ...extra,
    state: { columnVisibility: visibilityOf(props.layout), ...extra?.state },
  });
}

export type ContactTable = ReturnType<typeof useContactTable>;

/** Hides columns with TanStack's visibility feature, registered (a new table) once its chunk is in. */
export function ContactsTable(props: ContactsTableProps) {
  const features = useVisibilityFeature(props.layout);
  // A hidden column's feature is still loading: placeholder rows rather than a flash of every column.
  if (!features) return <TableView {...props} features={baseTableFeatures} loading />;
  // A new table whenever the features change (TanStack builds a table's API from them once).
  const key = String(features !== baseTableFeatures);
  const view = <TableView key={key} {...props} features={features} />;
  return props.selection ? (
    <Suspense fallback={view}>
      <LazySelectableTable
        // Another profile's selection means nothing here.
        key={props.selection.profileId ?? ''}
        contacts={props.contacts}
        features={features}
        profileId={props.selection.profileId}
        render={(withSelection, tableOptions) => (
          <TableView key={key} {...props} features={withSelection} tableOptions={tableOptions} />
        )}
      />
    </Suspense>
  ) : (
    view
  );
}

/** The list itself. Rows are focusable and open with Enter or a click; the number is also a real link. */
function TableView(props: ContactsTableProps & { features: ContactTableFeatures }) {
  const table = useContactTable(props, props.features);
  const { hrefFor, onOpen } = props;

  const onRowClick = (event: MouseEvent, contact: Contact) => {
    // The number is a plain link (cheaper than 20 router Links on first render): modified clicks keep
    // their browser meaning (new tab/window), plain clicks anywhere on the row navigate in the app.
    const onLink = (event.target as HTMLElement).closest('a');
    if (onLink && (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)) return;
    event.preventDefault();
    onOpen(contact);
  };
  const onRowKey = (event: KeyboardEvent, contact: Contact) => {
    if (event.key === 'Enter' && event.target === event.currentTarget) {
      event.preventDefault();
      onOpen(contact);
    }
  };

  return (
    <DataTable
      table={table}
      caption="Contacts. Press Enter on a row to open the contact."
      className={props.layout.density === 'compact' ? 'table-compact' : undefined}
      skeleton={
        props.loading
          ? {
              columns: contactColumnIds.filter((id) => !props.layout.hidden.includes(id)),
              rows: Math.min(props.pageSize, 12),
            }
          : null
      }
      stale={props.stale}
      body={
        <tbody>
          {/* Cells render through flexRender() rather than <table.FlexRender>: one component less per
            cell (140 on a page of 20) measurably shortens the first render (npm run bench:ui). */}
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className="row-link"
              // Rows are the primary way to open a contact by keyboard (Tab, then Enter).
              tabIndex={0}
              data-contact-id={row.original.id}
              onClick={(event) => onRowClick(event, row.original)}
              onKeyDown={(event) => onRowKey(event, row.original)}
            >
              {(row.getVisibleCells?.() ?? row.getAllCells()).map((cell) =>
                cell.column.id === 'number' ? (
                  <th key={cell.id} scope="row" data-col="number">
                    <a href={hrefFor(row.original)} tabIndex={-1} className="row-anchor">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </a>
                  </th>
                ) : (
                  <td key={cell.id} data-col={cell.column.id}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      }
      footer={props.footer}
    />
  );
}
