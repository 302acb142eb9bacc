import { TableFooter } from '../../components/DataTable';
import { Pager } from '../../components/Pager';
import { RangeSummary } from '../../components/RangeSummary';
import type { Contact, ContactPage } from '../../queries/contacts';
import {
  formFields,
  type ListParams,
  type ListPatch,
  listHref,
  PAGE_SIZES,
} from '../../url-state/listParams';
import { ContactsTable, type ContactsTableProps } from './ContactsTable';
import type { TableLayout } from './tableLayout';

interface ContactsListProps {
  /** The page on screen; undefined on the very first load (placeholder rows). */
  data: ContactPage | undefined;
  /** The previous page still shows while the next one loads. */
  stale: boolean;
  params: ListParams;
  layout: TableLayout;
  update: (patch: ListPatch) => void;
  hrefFor: (contact: Contact) => string;
  onOpen: (contact: Contact) => void;
  selection?: ContactsTableProps['selection'];
}

/**
 * The table of one page of contacts, with "21–40 of 150", the page size and the pager below it (links and
 * GET forms, so paging works before the app's JavaScript runs).
 */
export function ContactsList({
  data,
  stale,
  params,
  layout,
  update,
  hrefFor,
  onOpen,
  selection,
}: ContactsListProps) {
  const total = data?.pagination.total_count ?? 0;
  return (
    <ContactsTable
      contacts={data?.contacts}
      pageSize={params.page_size}
      layout={layout}
      hrefFor={hrefFor}
      onOpen={onOpen}
      selection={selection}
      loading={!data}
      stale={stale}
      footer={
        <TableFooter
          summary={
            data ? (
              <RangeSummary
                page={params.page}
                pageSize={params.page_size}
                total={total}
                noun={['contact', 'contacts']}
              />
            ) : (
              <p className="range muted">Loading contacts…</p>
            )
          }
          pageSize={{
            value: params.page_size,
            options: PAGE_SIZES,
            onChange: (size) => update({ page_size: size }),
            fields: formFields(params, 'page_size'),
          }}
          pager={
            <Pager
              page={params.page}
              pageCount={Math.ceil(total / params.page_size)}
              onPageChange={(page) => update({ page })}
              hrefFor={(page) => listHref({ ...params, page })}
              fields={formFields(params)}
              disabled={!data}
            />
          }
        />
      }
    />
  );
}
