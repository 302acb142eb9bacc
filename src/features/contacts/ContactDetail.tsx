import { Link, useLocation, useParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ProgressBar } from '../../components/ProgressBar';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { usePhoneMask } from '../../prefs/privacy';
import { useApiCapabilities } from '../../queries/capabilities';
import { useContact } from '../../queries/contactDetail';
import { isNotFound } from '../../queries/errors';
import type { ProfileSelection } from '../../queries/profileSelection';
import { profileOnlySearch } from '../../url-state/useListParams';
import { LazyAuthProblem } from '../profiles/LazyAuthProblem';
import { ContactCard } from './ContactCard';
import { displayNumber } from './format';
import { authProblemOf, QueryBody } from './QueryBody';

/** Every field of one contact. Opens instantly from the list (cache-seeded) and also works as a deep link. */
export function ContactDetail({ selection }: { selection: ProfileSelection }) {
  const { id = '' } = useParams();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const backHref = `/${from ? `?${from}` : profileOnlySearch(selection.profileId ?? undefined)}`;
  // Legacy v1 has no single-contact endpoint: the detail shows what the list already loaded.
  const { contactById } = useApiCapabilities();
  const query = useContact(selection.profileId, id, selection.ready && contactById);
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
  let body: React.ReactNode;
  if (contact) body = <ContactCard contact={contact} profileId={selection.profileId} />;
  else if (isNotFound(query.error)) {
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
