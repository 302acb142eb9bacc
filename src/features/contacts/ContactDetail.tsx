import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ProgressBar } from '../../components/ProgressBar';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { usePhoneMask } from '../../prefs/privacy';
import { useApiCapabilities } from '../../queries/capabilities';
import { useContact } from '../../queries/contactDetail';
import { isNotFound } from '../../queries/errors';
import { useContactNumber } from '../../queries/numbers';
import { useCan } from '../../queries/person';
import type { ProfileSelection } from '../../queries/profileSelection';
import { profileOnlySearch } from '../../url-state/useListParams';
import { LazyAuthProblem } from '../profiles/LazyAuthProblem';
import { ContactCard } from './ContactCard';
import { channelsOf, displayNumber } from './format';
import { noticeOf } from './manage/notice';
import { scopeName } from './manage/parts';
import { RemoveSection } from './manage/RemoveSection';
import { authProblemOf, QueryBody } from './QueryBody';
import { ReachabilityCard } from './reachability/ReachabilityCard';

/** Every field of one contact. Opens instantly from the list (cache-seeded) and also works as a deep link. */
export function ContactDetail({ selection }: { selection: ProfileSelection }) {
  const { id = '' } = useParams();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const backHref = `/${from ? `?${from}` : profileOnlySearch(selection.profileId ?? undefined)}`;
  // Legacy v1 has no single-contact endpoint: the detail shows what the list already loaded.
  const { contactById, edits } = useApiCapabilities();
  const can = useCan();
  // Removed from here: said so, and never fetched again (it would only be a 404 now).
  const [removed, setRemoved] = useState<string | null>(null);
  const query = useContact(selection.profileId, id, selection.ready && contactById && !removed);
  // Asked at once, beside the contact (not after it): the gateway reads the number itself.
  const facts = useContactNumber(selection.profileId, id, selection.ready && contactById && !removed);
  const mask = usePhoneMask();
  useDocumentTitle(query.data ? mask(displayNumber(query.data), query.data.country_code) : 'Contact');

  const authError = authProblemOf(query, selection);
  if (authError) return <LazyAuthProblem error={authError} />;

  const back = (
    <Link to={backHref} className="back-link">
      ← All contacts
    </Link>
  );
  const contact = query.data;
  const scope = scopeName(selection.profileId);
  const notice = noticeOf(location.state);
  let body: React.ReactNode;
  if (removed) {
    body = (
      <EmptyState title="Contact removed" icon="✓" action={back}>
        <p role="status">
          {removed} was removed from {scope}. It no longer shows in its list or lookups.
        </p>
      </EmptyState>
    );
  } else if (contact) {
    body = (
      <>
        {notice ? (
          <p className="notice notice-info" role="status">
            {notice === 'added'
              ? `Added to ${scope}.`
              : `Already in ${scope}: nothing was added, this is the contact with that number.`}
          </p>
        ) : null}
        <ContactCard
          contact={contact}
          profileId={selection.profileId}
          extra={
            contactById ? (
              <ReachabilityCard
                query={facts}
                channels={channelsOf(contact)}
                optedOut={Boolean(contact.opt_out)}
              />
            ) : null
          }
        />
        {can.manageContacts && edits ? (
          <RemoveSection
            contact={contact}
            profileId={selection.profileId}
            onRemoved={() => setRemoved(mask(displayNumber(contact), contact.country_code))}
          />
        ) : null}
      </>
    );
  } else if (isNotFound(query.error)) {
    body = (
      <EmptyState title="Contact not found" icon="?" action={back}>
        <p>
          There is no contact <code>{id}</code> in this {selection.profileId ? 'profile' : 'account'}. It may
          have been deleted, or it belongs to another profile.
        </p>
      </EmptyState>
    );
  } else if (!contactById) {
    body = (
      <EmptyState title="Open this contact from the list" icon="?" action={back}>
        <p>This account uses the legacy v1 API, which cannot fetch a single contact by its id.</p>
      </EmptyState>
    );
  } else {
    body = (
      <QueryBody selection={selection} query={query} errorTitle="Could not load this contact">
        <div className="detail-skeleton" role="status" aria-label="Loading contact">
          <span className="bone bone-title" />
          <span className="bone" />
          <span className="bone" />
          <span className="bone" />
        </div>
      </QueryBody>
    );
  }

  return (
    <main className="page" id="main">
      <ProgressBar active={query.isFetching && Boolean(contact)} />
      <nav className="crumbs" aria-label="Breadcrumb">
        {back}
      </nav>
      {body}
    </main>
  );
}
