// Pieces the add and remove dialogs share: the contact in one line, the warning that removal is final,
// type-to-confirm, and a failure with what support needs.
import { useId } from 'react';
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

export function TypeToConfirm(props: {
  label: React.ReactNode;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="confirm-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        className="input"
        autoComplete="off"
        spellCheck={false}
        value={props.value}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}

/** A refused or failed request: what went wrong, its code and request id. */
export function FailureNote({ title, error }: { title: string; error: unknown }) {
  const facts = describeError(error);
  return (
    <div className="failure-note callout-danger" role="alert">
      <p>
        <strong>{title}</strong> {facts.message}
      </p>
      <ErrorFacts facts={facts} />
    </div>
  );
}
