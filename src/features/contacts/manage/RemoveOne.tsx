import { useState } from 'react';
import { TypeToConfirm } from '../../../components/TypeToConfirm';
import type { useRemoveContact } from '../../../queries/contactChanges';
import type { Contact } from '../../../queries/contacts';
import type { ProfileId } from '../../../queries/keys';
import { displayNumber } from '../format';
import { MaskedNumber } from '../MaskedNumber';
import { ContactLine, FailureNote, FinalWarning, INHERITED_REASON, matchesNumber } from './parts';

interface RemoveOneProps {
  contact: Contact;
  profileId: ProfileId;
  removal: ReturnType<typeof useRemoveContact>;
  onRemoved: () => void;
  onCancel: () => void;
}

/**
 * One contact's removal: who it is, that it is final, the number typed to confirm, then one DELETE. An
 * inherited contact is shown with the reason it cannot be removed here, and nothing to press.
 */
export function RemoveOne({ contact, profileId, removal, onRemoved, onCancel }: RemoveOneProps) {
  const [typed, setTyped] = useState('');
  if (contact.is_inherited) {
    return (
      <>
        <ContactLine contact={contact} />
        <p className="dialog-note">{INHERITED_REASON}</p>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onCancel}>
            Close
          </button>
        </div>
      </>
    );
  }
  const busy = removal.isPending;
  const confirmed = matchesNumber(typed, contact);
  return (
    <form
      className="dialog-body"
      onSubmit={(event) => {
        event.preventDefault();
        if (confirmed && contact.id && !busy) removal.mutate(contact.id, { onSuccess: onRemoved });
      }}
    >
      <ContactLine contact={contact} />
      <FinalWarning profileId={profileId} />
      <TypeToConfirm
        label={
          <>
            Type the number to confirm (
            <MaskedNumber value={displayNumber(contact)} countryCode={contact.country_code} />)
          </>
        }
        value={typed}
        onChange={setTyped}
        disabled={busy}
      />
      {removal.isError ? <FailureNote title="Not removed." error={removal.error} /> : null}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="btn btn-danger" disabled={!confirmed || busy}>
          {busy ? 'Removing…' : removal.isError ? 'Try again' : 'Remove from account'}
        </button>
      </div>
    </form>
  );
}
