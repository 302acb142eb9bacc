import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../components/Badge';
import { CopyButton } from '../../components/CopyButton';
import { channelLabel } from '../../lib/channels';
import { regionName } from '../../lib/regions';
import { usePrivacy } from '../../prefs/privacy';
import type { Contact } from '../../queries/contacts';
import { describeError } from '../../queries/errors';
import type { ProfileId } from '../../queries/keys';
import { useCan } from '../../queries/person';
import { useRevealNumbers } from '../../queries/revealNumbers';
import { ChannelChips } from './ChannelChips';
import { ContactEditFields } from './ContactEdit';
import { channelsOf, displayNumber } from './format';
import { LocalDate } from './LocalDate';
import { MaskedNumber } from './MaskedNumber';

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

/** One contact's every field: phone formats, messaging (editable), record; `extra` joins the grid (reachability). */
export function ContactCard({
  contact: stored,
  profileId,
  extra,
}: {
  contact: Contact;
  profileId: ProfileId;
  extra?: ReactNode;
}) {
  const can = useCan();
  // Numbers come masked for roles that may not see them; a reveal asks the gateway for this contact's (recorded).
  const reveal = useRevealNumbers(stored.id ?? '', profileId);
  const contact = reveal.data ? ({ ...stored, ...reveal.data } as Contact) : stored;
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
          {can.seeNumbers ? null : (
            <p className="reveal-note">
              {reveal.data ? (
                'Shown in full for you; this view is recorded.'
              ) : (
                <>
                  Numbers are masked for your role.{' '}
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={reveal.isPending}
                    onClick={() => reveal.mutate()}
                  >
                    Reveal number
                  </button>
                </>
              )}
              {reveal.isError ? <span role="alert"> {describeError(reveal.error).message}</span> : null}
            </p>
          )}
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
            {can.edit ? (
              <ContactEditFields contact={contact} profileId={profileId} />
            ) : (
              <>
                <Field label="Default channel">
                  {contact.default_channel ? channelLabel(contact.default_channel) : dash}
                </Field>
                <Field label="Opted out">{contact.opt_out ? 'Yes' : 'No'}</Field>
              </>
            )}
            <Field label="Inherited">
              {contact.is_inherited == null
                ? dash
                : contact.is_inherited
                  ? 'Yes, shared by the organization (read-only)'
                  : 'No, owned by this account'}
            </Field>
          </dl>
        </section>

        {extra}

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
            {contact.id ? (
              <Field label="Activity">
                <Link to={`/activity?contact_id=${encodeURIComponent(contact.id)}`}>
                  Who has seen this contact
                </Link>
              </Field>
            ) : null}
          </dl>
        </section>
      </div>
    </article>
  );
}
