// "Remove the contacts this import created": irreversible, so the person types the count to confirm.
// Only rows this import created are touched, never contacts that already existed.
import { useId, useState } from 'react';
import { matchesCount, TypeToConfirm } from '../../components/TypeToConfirm';
import type { ImportJob } from '../../queries/imports';
import { count } from './estimate';
import { useJobAction } from './JobControls';

export function UndoImport({ job }: { job: ImportJob }) {
  const id = useId();
  const { action, failure } = useJobAction(job.id);
  const [typed, setTyped] = useState('');
  const created = job.counts.created;
  const matches = matchesCount(typed, created);
  return (
    <section className="import-undo" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        Remove the {count(created)} contact{created === 1 ? '' : 's'} this import created
      </h3>
      <p>
        Removes only the contacts this import added. Contacts that already existed before it are never
        touched. Removal is final: it cannot be undone, and importing the numbers again creates new contacts.
      </p>
      <form
        className="import-undo-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (matches) action.mutate('undo');
        }}
      >
        <TypeToConfirm
          label={
            <>
              Type <strong>{count(created)}</strong> to confirm
            </>
          }
          value={typed}
          onChange={setTyped}
          inputMode="numeric"
        />
        <button type="submit" className="btn btn-danger" disabled={!matches || action.isPending}>
          Remove {count(created)} contact{created === 1 ? '' : 's'}
        </button>
      </form>
      {failure}
    </section>
  );
}
