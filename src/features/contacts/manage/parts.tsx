// Pieces the add and remove dialogs share: the contact in one line, the warning that removal is final, and a
// failure with what support needs (type-to-confirm is components/TypeToConfirm).
import { ErrorFacts } from '../../../components/ErrorFacts';
import { regionName } from '../../../lib/regions';
import type { Contact } from '../../../queries/contacts';
import { describeError } from '../../../queries/errors';
import type { ProfileId } from '../../../queries/keys';
import { displayNumber } from '../format';
import { MaskedNumber } from '../MaskedNumber';

/** Why an inherited contact cannot be removed here; said wherever removal is offered. */
export const INHERITED_REASON =
  'Inherited from the organization: only the organization can remove it, not this profile.';

/** "this profile" when a child profile is chosen, else the key's own account. */
export const scopeName = (profileId: ProfileId) => (profileId ? 'this profile' : 'this account');

const digits = (text: string | null | undefined) => (text ?? '').replace(/\D/g, '');

/** The confirmation typed for one contact: its number, in international (with or without +) or national digits. */
export function matchesNumber(typed: string, contact: Contact): boolean {
  const entered = digits(typed);
  return (
    entered.length > 0 && [contact.format_e164, contact.format_national].some((f) => digits(f) === entered)
  );
}

export function ContactLine({ contact }: { contact: Contact }) {
  return (
    <p className="contact-line">
      <strong className="number">
        <MaskedNumber value={displayNumber(contact)} countryCode={contact.country_code} />
      </strong>
      <span className="muted">
        {regionName(contact.region_code) || 'Unknown region'}
        {contact.is_inherited ? ' · inherited from the organization' : ''}
      </span>
    </p>
  );
}

export function FinalWarning({ profileId, many = false }: { profileId: ProfileId; many?: boolean }) {
  const them = many ? 'They leave' : 'It leaves';
  return (
    <p className="final-warning callout-danger">
      <strong>Removing is final.</strong> {them} {scopeName(profileId)}: no longer in its list or lookups, and
      there is no undo. Adding a number again later makes a new contact with default settings.
    </p>
  );
}

/** A refused or failed request: what went wrong, its code and request id. */
export function FailureNote({ title, error }: { title: string; error: unknown }) {
  return (
    <div className="failure-note callout-danger" role="alert">
      <p>
        <strong>{title}</strong> {describeError(error).message}
      </p>
      <ErrorFacts error={error} />
    </div>
  );
}
