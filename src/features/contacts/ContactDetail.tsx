import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import type { Contact } from '../../api/contacts';
import { Badge } from '../../components/Badge';
import { CopyButton } from '../../components/CopyButton';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ProgressBar } from '../../components/ProgressBar';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useContact } from '../../queries/contacts';
import type { ScopeId } from '../../queries/keys';
import { profileOnlySearch } from '../../url-state/useListParams';
import { LazyAuthProblem } from '../profiles/LazyAuthProblem';
import type { ProfileScope } from '../profiles/useProfileScope';
import { ContactEditFields } from './ContactEdit';
import { channelLabel, channelsOf, displayNumber, formatDate } from './format';
import { regionName } from './phone';

function Field({ label, children, copy }: { label: string; children: ReactNode; copy?: string | null }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>
        <span className="field-value">{children}</span>
        {copy ? <CopyButton value={copy} label={label} /> : null}
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
  const query = useContact(scope.profileId, id, scope.ready);
  useDocumentTitle(query.data ? displayNumber(query.data) : 'Contact');

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
  return (
    <article className="detail" aria-labelledby="contact-title">
      <header className="detail-head">
        <div>
          <h1 id="contact-title" className="number">
            {displayNumber(contact)}
          </h1>
          <p className="page-sub">
            {regionName(contact.region_code) || 'Unknown region'}
            {contact.country_code ? ` · +${contact.country_code}` : ''}
          </p>
        </div>
        <div className="chips">
          {contact.opt_out ? (
            <Badge tone="danger">Opted out</Badge>
          ) : (
            <Badge tone="success">Can be messaged</Badge>
          )}
          {contact.is_inherited ? <Badge tone="warning">Inherited from organization</Badge> : null}
        </div>
      </header>

      <div className="detail-grid">
        <section className="card detail-section" aria-labelledby="formats-title">
          <h2 id="formats-title">Phone formats</h2>
          <dl className="fields">
            <Field label="E.164" copy={contact.format_e164}>
              <code>{contact.format_e164 ?? '—'}</code>
            </Field>
            <Field label="International" copy={contact.format_international}>
              {contact.format_international ?? dash}
            </Field>
            <Field label="National" copy={contact.format_national}>
              {contact.format_national ?? dash}
            </Field>
            <Field label="RFC 3966" copy={contact.format_rfc}>
              <code>{contact.format_rfc ?? '—'}</code>
            </Field>
            <Field label="As entered" copy={contact.phone_number}>
              {contact.phone_number ?? dash}
            </Field>
          </dl>
        </section>

        <section className="card detail-section" aria-labelledby="messaging-title">
          <h2 id="messaging-title">Messaging</h2>
          <dl className="fields">
            <Field label="Channels">
              {channels.length ? (
                <span className="chips">
                  {channels.map((channel) => (
                    <Badge key={channel} tone={channel === 'whatsapp' ? 'success' : 'info'}>
                      {channelLabel(channel)}
                    </Badge>
                  ))}
                </span>
              ) : (
                dash
              )}
            </Field>
            <ContactEditFields contact={contact} profileId={profileId} />
            <Field label="Inherited">
              {contact.is_inherited
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
            <Field label="Created">{formatDate(contact.created_at, true)}</Field>
            <Field label="Updated">
              {contact.updated_at ? formatDate(contact.updated_at, true) : 'Never'}
            </Field>
          </dl>
        </section>
      </div>
    </article>
  );
}
