import { useState } from 'react';
import { useDisabledUntilHydrated } from '../../../components/useDisabledUntilHydrated';
import { newIdempotencyKey, useAddContact } from '../../../queries/contactChanges';
import { describeError } from '../../../queries/errors';
import type { ProfileId } from '../../../queries/keys';
import type { ContactNotice } from '../manage/notice';

/** "Add as contact" on a lookup that found nobody: the number is already checked, so one click adds it. */
export function AddAsContact({
  profileId,
  phone,
  onAdded,
}: {
  profileId: ProfileId;
  phone: string;
  onAdded: (id: string, notice: ContactNotice) => void;
}) {
  const add = useAddContact(profileId);
  // One key per number for this screen: "Try again" after a lost answer cannot add it twice.
  const [key] = useState(newIdempotencyKey);
  const needsScript = useDisabledUntilHydrated();
  return (
    <>
      <button
        type="button"
        className="btn btn-primary"
        aria-disabled={needsScript}
        disabled={add.isPending}
        onClick={() => {
          if (needsScript) return;
          add.mutate(
            { e164: phone, idempotencyKey: key },
            {
              onSuccess: ({ contact, existed }) => {
                if (contact.id) onAdded(contact.id, existed ? 'existed' : 'added');
              },
            },
          );
        }}
      >
        {add.isPending ? 'Adding…' : add.isError ? 'Try again' : 'Add as contact'}
      </button>
      {add.isError ? (
        <p className="scope-error" role="alert">
          Not added: {describeError(add.error).code} ({describeError(add.error).message})
        </p>
      ) : null}
    </>
  );
}
