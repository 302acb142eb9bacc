import { useState } from 'react';
import { ErrorFacts } from '../../../components/ErrorFacts';
import { Modal } from '../../../components/Modal';
import { matchesCount, TypeToConfirm } from '../../../components/TypeToConfirm';
import type { Contact } from '../../../queries/contacts';
import type { ProfileId } from '../../../queries/keys';
import { displayNumber } from '../format';
import { MaskedNumber } from '../MaskedNumber';
import { FinalWarning, scopeName } from './parts';
import { type BulkState, useBulkRemoval } from './useBulkRemoval';

const plural = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'contact' : 'contacts'}`;

interface BulkRemoveDialogProps {
  contacts: readonly Contact[];
  profileId: ProfileId;
  /** With the ids that are gone (the rest stay selected). */
  onClose: (removedIds: string[]) => void;
}

/** Several selected contacts removed: confirmed by typing how many, then progress, then what failed and why. */
export function BulkRemoveDialog({ contacts, profileId, onClose }: BulkRemoveDialogProps) {
  const { state, start, retry, settle } = useBulkRemoval(profileId, contacts);
  const [typed, setTyped] = useState('');
  const total = contacts.length;
  const running = state.phase === 'running';
  const confirmed = matchesCount(typed, total);
  return (
    <Modal
      title={`Remove ${plural(total)}`}
      busy={running}
      className="manage-dialog"
      onClose={() => {
        void settle();
        onClose(state.removed.map((r) => r.id));
      }}
    >
      {(close) => (
        <form
          className="dialog-body"
          onSubmit={(event) => {
            event.preventDefault();
            if (state.phase === 'ready' && confirmed) start();
          }}
        >
          {state.phase === 'ready' ? (
            <>
              <NumberList contacts={contacts} />
              <FinalWarning profileId={profileId} many={total > 1} />
              <TypeToConfirm
                label={`Type ${total} to confirm`}
                value={typed}
                onChange={setTyped}
                inputMode="numeric"
              />
            </>
          ) : (
            <Progress state={state} total={total} profileId={profileId} />
          )}
          <div className="dialog-actions">
            {state.phase === 'ready' ? (
              <>
                <button type="button" className="btn" onClick={close}>
                  Cancel
                </button>
                <button type="submit" className="btn btn-danger" disabled={!confirmed}>
                  Remove {plural(total)}
                </button>
              </>
            ) : null}
            {state.phase === 'finished' && state.failures.length > 0 ? (
              <button type="button" className="btn" onClick={retry}>
                Retry {state.failures.length} failed
              </button>
            ) : null}
            {state.phase === 'finished' ? (
              <button type="button" className="btn btn-primary" onClick={close}>
                Close
              </button>
            ) : null}
          </div>
        </form>
      )}
    </Modal>
  );
}

function NumberList({ contacts }: { contacts: readonly Contact[] }) {
  return (
    <ul className="number-list" aria-label="Contacts to remove">
      {contacts.map((contact) => (
        <li key={contact.id} className="number">
          <MaskedNumber value={displayNumber(contact)} countryCode={contact.country_code} />
        </li>
      ))}
    </ul>
  );
}

function Progress({ state, total, profileId }: { state: BulkState; total: number; profileId: ProfileId }) {
  const gone = state.removed.length;
  const already = state.removed.filter((r) => r.outcome === 'already').length;
  const failed = state.failures.length;
  const finished = state.phase === 'finished';
  return (
    <>
      <progress className="bulk-progress" max={total} value={gone + failed} aria-label="Removal progress" />
      <p role="status">
        {finished
          ? `Removed ${gone} of ${plural(total)} from ${scopeName(profileId)}.`
          : `Removing… ${gone + failed} of ${total}`}
        {already > 0 ? ` (${already} ${already === 1 ? 'was' : 'were'} already gone.)` : ''}
      </p>
      {finished && failed > 0 ? (
        <div className="failure-note callout-danger" role="alert">
          <p>
            <strong>{plural(failed)} could not be removed:</strong>
          </p>
          <ul className="failure-list">
            {state.failures.map(({ contact, error }) => (
              <li key={contact.id}>
                <span className="number">
                  <MaskedNumber value={displayNumber(contact)} countryCode={contact.country_code} />
                </span>{' '}
                {error.message}
                <ErrorFacts error={error} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
