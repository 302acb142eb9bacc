import { EmptyState } from '../../components/EmptyState';
import { InboxIcon, SearchIcon } from '../../components/icons';
import { channelLabel } from '../../lib/channels';
import type { ListParams } from '../../url-state/listParams';

/** Two different situations: nothing matches the filters (offer to clear them) vs an account with no contacts. */
export function ListEmptyState({
  params,
  filtered,
  onClear,
}: {
  params: ListParams;
  filtered: boolean;
  onClear: () => void;
}) {
  if (filtered) {
    return (
      <EmptyState
        title="No contacts match"
        icon={<SearchIcon />}
        action={
          <button type="button" className="btn btn-primary" onClick={onClear}>
            Clear filters
          </button>
        }
      >
        <p>
          Nothing matches {params.search ? <strong>“{params.search}”</strong> : 'these filters'}
          {params.channel ? ` on ${channelLabel(params.channel)}` : ''}.
        </p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No contacts yet" icon={<InboxIcon />}>
      <p>
        Contacts appear here as soon as you message a number or add one with <code>POST /v3/contacts</code>.
      </p>
      <p className="muted">Each contact keeps its phone formats, channels and opt-out status.</p>
    </EmptyState>
  );
}
