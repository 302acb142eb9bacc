import { useState } from 'react';
import { Modal } from '../../../components/Modal';
import { useRemoveContact } from '../../../queries/contactChanges';
import type { Contact } from '../../../queries/contacts';
import type { ProfileId } from '../../../queries/keys';
import { usePhoneLookup } from '../../../queries/phoneLookup';
import { PhoneForm, usePhoneInput } from './PhoneField';
import { ContactLine, FailureNote, scopeName } from './parts';
import { RemoveOne } from './RemoveOne';

/**
 * "Remove by number": the number is looked up (exactly, as the lookup does), the contact it finds is shown,
 * and it is removed like from its detail: confirmed by typing its number. Nobody with it is an answer.
 */
export function RemoveByNumberDialog({ profileId, onClose }: { profileId: ProfileId; onClose: () => void }) {
  const input = usePhoneInput();
  const [phone, setPhone] = useState<string>();
  const [removed, setRemoved] = useState<Contact | null>(null);
  const lookup = usePhoneLookup(profileId, phone);
  const removal = useRemoveContact(profileId);
  const found = lookup.data;

  let result: React.ReactNode = null;
  if (lookup.isError) result = <FailureNote title="Lookup failed." error={lookup.error} />;
  else if (found === null)
    result = <p className="dialog-note">No contact in {scopeName(profileId)} has that number.</p>;
  else if (phone && !found) result = <p className="dialog-note">Looking up…</p>;

  return (
    <Modal title="Remove by number" busy={removal.isPending} className="manage-dialog" onClose={onClose}>
      {(close) =>
        removed ? (
          <div className="dialog-body" role="status">
            <ContactLine contact={removed} />
            <p>Removed from {scopeName(profileId)}.</p>
            <div className="dialog-actions">
              <button type="button" className="btn btn-primary" onClick={close}>
                Close
              </button>
            </div>
          </div>
        ) : (
          <>
            <PhoneForm
              input={input}
              onNumber={(e164) => {
                // The same number again asks again (it may have been added or removed meanwhile).
                if (e164 === phone) void lookup.refetch();
                else setPhone(e164);
              }}
            >
              <div className="dialog-actions">
                <button type="submit" className="btn" disabled={removal.isPending}>
                  Find contact
                </button>
              </div>
            </PhoneForm>
            {result}
            {found ? (
              <RemoveOne
                key={found.id}
                contact={found}
                profileId={profileId}
                removal={removal}
                onCancel={close}
                onRemoved={() => setRemoved(found)}
              />
            ) : null}
          </>
        )
      }
    </Modal>
  );
}
