import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import type { Contact } from '../../api/contacts';
import { isV1 } from '../../api/version';
import { Badge } from '../../components/Badge';
import { CopyButton } from '../../components/CopyButton';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ProgressBar } from '../../components/ProgressBar';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useContact } from '../../queries/contacts';
import type { ScopeId } from '../../queries/keys';
import { profileOnlySearch } from '../../url-state/useListParams';
import { MaskedNumber } from '../privacy/MaskedNumber';
import { usePhoneMask, usePrivacy } from '../privacy/privacy';
import { LazyAuthProblem } from '../profiles/LazyAuthProblem';
import type { ProfileScope } from '../profiles/useProfileScope';
import { ChannelChips } from './ChannelChips';
import { ContactEditFields } from './ContactEdit';
import { channelsOf, displayNumber } from './format';
import { LocalDate } from './LocalDate';
import { regionName } from './phone';

interface FieldProps {
  label: string;
  children: ReactNode;
  copy?: string | null;
  confirmCopy?: string;
}

function Field({ label, children, copy, confirmCopy }: FieldProps) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>
        <span className="field-value">{children}</span>
        {copy ? <CopyButton value={copy} label={label} confirmMessage={confirmCopy} /> : null}
      </dd>
    </div>
  );
}

const dash = <span className="muted">—</span>;

/** Every field of one contact. Opens instantly from the list (cache-seeded) and also works as a deep link. */
export function ContactDetail({ scope }: { scope: ProfileScope }) {
  const { id = '' } = useParams();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const backHref = `/${from ? `?${from}` : profileOnlySearch(scope.profileId ?? undefined)}`;
  // Legacy v1 has no single-contact endpoint: the detail shows what the list already loaded.
  const query = useContact(scope.profileId, id, scope.ready && !isV1);
  const mask = usePhoneMask();
  useDocumentTitle(query.data ? mask(displayNumber(query.data), query.data.country_code) : 'Contact');

  if (query.error instanceof ApiError && query.error.isAuth) return <LazyAuthProblem error={query.error} />;
  if (scope.authError) return <LazyAuthProblem error={scope.authError} />;

  const back = (
    <Link to={backHref} className="back-link">
      ← All contacts
    </Link>
  );
  const contact = query.data;
  let body: ReactNode;
  if (contact) body = <ContactCard contact={contact} profileId={scope.profileId} />;
  else if (query.error instanceof ApiError && query.error.status === 404) {
    body = (
      <EmptyState title="Contact not found" icon="?" action={back}>
        <p>
          There is no contact <code>{id}</code> in this {scope.profileId ? 'profile' : 'account'}. It may have
          been deleted, or it belongs to another profile.
        </p>
      </EmptyState>
    );
  } else if (isV1) {
    body = (
      <EmptyState title="Open this contact from the list" icon="?" action={back}>
        <p>This account uses the legacy v1 API, which cannot fetch a single contact by its id.</p>
      </EmptyState>
    );
  } else if (scope.checkError) {
    body = (
      <ErrorPanel title="Could not check the profile" error={scope.checkError} onRetry={scope.retryCheck} />
    );
  } else if (query.isError) {
    body = (
      <ErrorPanel
        title="Could not load this contact"
        error={query.error}
        onRetry={() => query.refetch()}
        retrying={query.isFetching}
      />
    );
  } else {
    body = (
      <div className="detail-skeleton" role="status" aria-label="Loading contact">
        <span className="bone bone-title" />
        <span className="bone" />
        <span className="bone" />
        <span className="bone" />
      </div>
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

function ContactCard({ contact, profileId }: { contact: Contact; profileId: ScopeId }) {
  const channels = channelsOf(contact);
  const cc = contact.country_code;
  // With the digits hidden on screen, copying the real number is a deliberate step.
  const confirmCopy = usePrivacy()
    ? 'Privacy mode is on. Copy the full phone number to the clipboard?'
    : undefined;
  const number = (label: string, value: string | null | undefined, code = false) => {
    const shown = value ? <MaskedNumber value={value} countryCode={cc} /> : dash;
    return (
      <Field label={label} copy={value} confirmCopy={confirmCopy}>
        {code && value ? <code>{shown}</code> : shown}
      </Field>
    );
  };
  return (
    <article className="detail" aria-labelledby="contact-title">
      <header className="detail-head">
        <div>
          <h1 id="contact-title" className="number">
            <MaskedNumber value={displayNumber(contact)} countryCode={cc} />
          </h1>
          <p className="page-sub">
            {regionName(contact.region_code) || 'Unknown region'}
            {contact.country_code ? ` · +${contact.country_code}` : ''}
          </p>
        </div>
        <div className="chips">
          {contact.opt_out ? (
            <Badge tone="danger">Opted out</Badge>
          ) : contact.opt_out === false ? (
            <Badge tone="success">Can be messaged</Badge>
          ) : null}
          {contact.is_inherited ? <Badge tone="warning">Inherited from organization</Badge> : null}
        </div>
      </header>

      <div className="detail-grid">
        <section className="card detail-section" aria-labelledby="formats-title">
          <h2 id="formats-title">Phone formats</h2>
          <dl className="fields">
            {number('E.164', contact.format_e164, true)}
            {number('International', contact.format_international)}
            {number('National', contact.format_national)}
            {number('RFC 3966', contact.format_rfc, true)}
            {number('As entered', contact.phone_number)}
          </dl>
        </section>

        <section className="card detail-section" aria-labelledby="messaging-title">
          <h2 id="messaging-title">Messaging</h2>
          <dl className="fields">
            <Field label="Channels">
              <ChannelChips channels={channels} empty={dash} />
            </Field>
            <ContactEditFields contact={contact} profileId={profileId} />
            <Field label="Inherited">
              {contact.is_inherited == null
                ? dash
                : contact.is_inherited
                  ? 'Yes, shared by the organization (read-only)'
                  : 'No, owned by this account'}
            </Field>
          </dl>
        </section>

        <section className="card detail-section" aria-labelledby="record-title">
          <h2 id="record-title">Record</h2>
          <dl className="fields">
            <Field label="Contact ID" copy={contact.id}>
              <code>{contact.id}</code>
            </Field>
            <Field label="Country code">{contact.country_code ? `+${contact.country_code}` : dash}</Field>
            <Field label="Region">
              {contact.region_code ? `${regionName(contact.region_code)} (${contact.region_code})` : dash}
            </Field>
            <Field label="Created">
              <LocalDate value={contact.created_at} withTime />
            </Field>
            <Field label="Updated">
              {contact.updated_at === undefined ? (
                dash
              ) : contact.updated_at ? (
                <LocalDate value={contact.updated_at} withTime />
              ) : (
                'Never'
              )}
            </Field>
          </dl>
        </section>
      </div>
    </article>
  );
}
