// The list's toolbar: search and channel (v3 only), Clear filters, Export, the column layout and the
// admin's add/remove actions. Each control is a real form or link until the app's JavaScript runs.
import type { RefObject } from 'react';
import { useCan } from '../../queries/person';
import type { ProfileSelection } from '../../queries/profileSelection';
import { hasFilters } from '../../url-state/listParams';
import { ExportButton } from '../export/ExportButton';
import { ChannelFilter } from './ChannelFilter';
import { LayoutButton } from './LayoutButton';
import { ManageActions } from './manage/ManageActions';
import { SearchBox } from './SearchBox';
import type { TableLayout } from './tableLayout';
import type { ContactsScreen } from './useContactsScreen';

export function ContactsToolbar(props: {
  screen: ContactsScreen;
  selection: ProfileSelection;
  searchRef: RefObject<HTMLInputElement | null>;
  onSearch: (search: string, previous: string) => void;
  layout: [TableLayout, (layout: TableLayout) => void];
  selecting: { on: boolean; toggle: () => void };
  needsScript: true | undefined;
}) {
  const { screen, selection, needsScript } = props;
  const { params, query, filters } = screen;
  const can = useCan();
  return (
    <div className="toolbar" role="toolbar" aria-label="Search, filters and actions">
      {filters ? (
        <>
          {screen.digitsMasked ? (
            <p className="notice">Numbers are masked for your role, so there is no search by digits.</p>
          ) : (
            <SearchBox ref={props.searchRef} value={params.search} onSettle={props.onSearch} />
          )}
          <ChannelFilter value={params.channel} onChange={(channel) => screen.update({ channel })} />
        </>
      ) : (
        <p className="notice v1-note">
          This account uses the legacy v1 API: search, channel filter, lookup and profiles need v3.
        </p>
      )}
      {hasFilters(params) && !params.phone ? (
        <button type="button" className="btn btn-ghost" onClick={screen.clearFilters}>
          Clear filters
        </button>
      ) : null}
      {can.export ? (
        <ExportButton
          selection={selection}
          params={params}
          total={query.isPlaceholderData ? undefined : query.data?.pagination.total_count}
          needsScript={needsScript}
        />
      ) : null}
      <LayoutButton layout={props.layout[0]} onChange={props.layout[1]} />
      {can.manageContacts && filters ? (
        <ManageActions
          profileId={selection.profileId}
          selecting={params.phone ? undefined : props.selecting}
          onOpen={(id, notice) => screen.open({ id }, notice)}
          needsScript={needsScript}
        />
      ) : null}
    </div>
  );
}
