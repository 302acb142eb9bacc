// Pause, Resume and Cancel of a running import; cancelling asks first. Failures show with their facts.
import { useState } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { type ImportAction, type ImportJob, useImportAction } from '../../queries/imports';
import { count } from './estimate';

const ACTION_TITLES: Record<ImportAction, string> = {
  pause: 'Could not pause the import',
  resume: 'Could not resume the import',
  cancel: 'Could not cancel the import',
  undo: 'Could not start removing the contacts',
};

/** One job action's mutation and, once it failed, its error panel (Retry sends the same action again). */
export function useJobAction(id: string) {
  const action = useImportAction(id);
  const failure = action.error ? (
    <ErrorPanel
      title={ACTION_TITLES[action.variables ?? 'pause']}
      error={action.error}
      onRetry={() => action.variables && action.mutate(action.variables)}
      retrying={action.isPending}
    />
  ) : null;
  return { action, failure };
}

export function JobControls({ job }: { job: ImportJob }) {
  const { action, failure } = useJobAction(job.id);
  const [confirming, setConfirming] = useState(false);
  if (job.status !== 'running' && job.status !== 'paused') return failure;
  const busy = action.isPending;
  return (
    <div className="import-controls">
      {confirming ? (
        <fieldset className="import-confirm" aria-describedby={`cancel-${job.id}`}>
          <legend className="sr-only">Cancel this import?</legend>
          <p id={`cancel-${job.id}`}>
            Cancel this import? The {count(job.counts.pending)} rows not sent yet will not be sent. Contacts
            already created stay; you can remove them afterwards.
          </p>
          <button
            type="button"
            className="btn btn-danger"
            disabled={busy}
            onClick={() => action.mutate('cancel', { onSettled: () => setConfirming(false) })}
          >
            Cancel the import
          </button>
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            Keep importing
          </button>
        </fieldset>
      ) : (
        <>
          {job.status === 'running' ? (
            <button type="button" className="btn" disabled={busy} onClick={() => action.mutate('pause')}>
              Pause
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => action.mutate('resume')}
            >
              Resume
            </button>
          )}
          <button type="button" className="btn" disabled={busy} onClick={() => setConfirming(true)}>
            Cancel…
          </button>
        </>
      )}
      {failure}
    </div>
  );
}
