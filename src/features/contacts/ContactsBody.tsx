// The card under the toolbar: a lookup's result (lazy) when the URL names a number, else the page of
// contacts, its empty state, or why it could not be loaded.
import { Suspense } from 'react';
import { useCan } from '../../queries/person';
import type { ProfileSelection } from '../../queries/profileSelection';
import { hasFilters, listHref } from '../../url-state/listParams';
import { ContactsList } from './ContactsList';
import { ListEmptyState } from './ListEmptyState';
import { LazyLookupResult } from './lazyScreens';
import { QueryBody } from './QueryBody';
import type { TableLayout } from './tableLayout';
import type { ContactsScreen } from './useContactsScreen';

export function ContactsBody(props: {
  screen: ContactsScreen;
  selection: ProfileSelection;
  layout: TableLayout;
  selecting: boolean;
}) {
  const { screen, selection } = props;
  const { params, query } = screen;
  const { profileId } = selection;
  const canAdd = useCan().manageContacts;
  if (params.phone) {
    return (
      <Suspense fallback={null}>
        <LazyLookupResult
          profileId={profileId}
          ready={selection.ready && !screen.phoneParam.pending}
          phone={params.phone}
          everywhere={screen.everywhere}
          scopes={screen.scopes}
          canAdd={canAdd}
          onFound={screen.onFound}
          onOpen={(id, notice) => screen.open({ id }, notice)}
          detailHref={screen.detailHref}
          backHref={listHref({ ...params, phone: undefined })}
        />
      </Suspense>
    );
  }
  const { data } = query;
  return (
    <QueryBody selection={selection} query={query} errorTitle="Could not load contacts">
      {data && data.pagination.total_count === 0 && !query.isPlaceholderData ? (
        <ListEmptyState params={params} filtered={hasFilters(params)} onClear={screen.clearFilters} />
      ) : (
        <ContactsList
          data={data}
          stale={query.isPlaceholderData}
          params={params}
          layout={props.layout}
          update={screen.update}
          hrefFor={(contact) => screen.detailHref(contact.id ?? '')}
          onOpen={screen.open}
          selection={props.selecting ? { profileId } : undefined}
        />
      )}
    </QueryBody>
  );
}
