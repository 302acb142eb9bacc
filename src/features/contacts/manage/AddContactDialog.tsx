import { useRef } from 'react';
import { Modal } from '../../../components/Modal';
import { newIdempotencyKey, useAddContact } from '../../../queries/contactChanges';
import type { ProfileId } from '../../../queries/keys';
import type { ContactNotice } from './notice';
import { PhoneForm, usePhoneInput } from './PhoneField';
import { FailureNote, scopeName } from './parts';

interface AddContactDialogProps {
  profileId: ProfileId;
  onClose: () => void;
  /** Opens a contact's detail: the one added, or the one that already had the number. */
  onOpen: (id: string, notice: ContactNotice) => void;
}

/**
 * "Add contact": a number checked as it is typed, sent once valid. The same number keeps its Idempotency-Key
 * for the life of the dialog, so "Try again" after a lost answer cannot add it twice. A number already there
 * (409) opens that contact instead, which is an answer, not a failure.
 */
export function AddContactDialog({ profileId, onClose, onOpen }: AddContactDialogProps) {
  const input = usePhoneInput();
  const add = useAddContact(profileId);
  const keys = useRef(new Map<string, string>());
  return (
    <Modal title="Add contact" busy={add.isPending} className="manage-dialog" onClose={onClose}>
      {(close) => (
        <PhoneForm
          input={input}
          onNumber={(e164) => {
            if (add.isPending) return;
            const idempotencyKey = keys.current.get(e164) ?? newIdempotencyKey();
            keys.current.set(e164, idempotencyKey);
            add.mutate(
              { e164, idempotencyKey },
              {
                onSuccess: ({ contact, existed }) => {
                  close();
                  if (contact.id) onOpen(contact.id, existed ? 'existed' : 'added');
                },
              },
            );
          }}
        >
          <p className="dialog-note">The number joins {scopeName(profileId)} as a new contact.</p>
          {add.isError ? <FailureNote title="Not added." error={add.error} /> : null}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={close} disabled={add.isPending}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={add.isPending}>
              {add.isPending ? 'Adding…' : add.isError ? 'Try again' : 'Add contact'}
            </button>
          </div>
        </PhoneForm>
      )}
    </Modal>
  );
}
