// Step 4: what will happen before anyone presses Import — how many numbers go, what "already in the
// profile" is based on, and how long it takes at the team's budget — then the Import button.
import { useId } from 'react';
import { useNavigate } from 'react-router';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useStartImport } from '../../queries/imports';
import type { ProfileSelection } from '../../queries/profileSelection';
import { useRateLimit } from '../../queries/rateLimit';
import { IMPORT_MAX_ROWS } from '../../shared/imports';
import { type CheckedRow, type Classification, importRows, setAsideCount, toSend } from './check';
import { count, estimateImport, formatDuration } from './estimate';
import { jobPath } from './labels';
import type { SourceTable } from './readSource';
import type { ExistingState } from './useExistingNumbers';

function ExistingNote({ state, onRetry }: { state: ExistingState; onRetry: () => void }) {
  switch (state.kind) {
    case 'waiting':
    case 'sizing':
      return <p className="muted">Looking up how many contacts the profile has…</p>;
    case 'reading':
      return (
        <p className="import-status" role="status">
          Reading the profile's {count(state.plan.total)} contacts to find numbers already there (page{' '}
          {count(state.progress.pagesDone)} of {count(state.plan.pages)}: fewer requests than the{' '}
          {count(state.plan.sends)} the import would send). Importing now counts them as "already existed"
          instead.
        </p>
      );
    case 'known':
      return (
        <p className="muted">
          Checked against the profile's {count(state.plan.total)} contacts ({count(state.plan.pages)} page
          {state.plan.pages === 1 ? '' : 's'} read, fewer requests than the {count(state.plan.sends)} the
          import would send).
        </p>
      );
    case 'skipped':
      return (
        <p className="muted">
          Not checked against the profile's {count(state.plan.total)} contacts: reading them takes{' '}
          {count(state.plan.pages)} requests, more than the {count(state.plan.sends)} this import sends.
          Numbers already there are counted as "already existed" while it runs.
        </p>
      );
    case 'failed':
      return (
        <div className="import-status">
          <p className="field-problem">
            Could not read the profile's contacts; numbers already there will be counted as "already existed"
            while the import runs.
          </p>
          <button type="button" className="btn btn-small" onClick={onRetry}>
            Try again
          </button>
        </div>
      );
  }
}

export function RunStep(props: {
  table: SourceTable;
  selection: ProfileSelection;
  region: string;
  rows: CheckedRow[];
  classification: Classification;
  existing: ExistingState;
  onRetryExisting: () => void;
}) {
  const id = useId();
  const navigate = useNavigate();
  const start = useStartImport();
  const rate = useRateLimit();
  const { counts } = props.classification;
  const sending = toSend(counts);
  const estimate = estimateImport(sending, rate?.limit ?? null);
  const run = () =>
    start.mutate(
      {
        profile_id: props.selection.profileId,
        file_name: props.table.name,
        file_sha256: props.table.sha256,
        default_region: props.region,
        rows: importRows(props.rows, props.classification),
      },
      { onSuccess: (job) => navigate(jobPath(job)) },
    );
  const setAside = setAsideCount(counts);
  // Each number is a row of the job, and a job takes up to IMPORT_MAX_ROWS.
  const numbers = props.rows.length - counts.dropped;
  const tooMany = numbers > IMPORT_MAX_ROWS;

  return (
    <section className="card import-step" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>4. Import</h2>
      <p className="import-plan">
        <strong>{count(sending)}</strong> number{sending === 1 ? '' : 's'} will be added
        {setAside
          ? `; ${count(setAside)} ${setAside === 1 ? 'is' : 'are'} set aside and listed in the receipt`
          : ''}
        {counts.dropped
          ? `; ${count(counts.dropped)} dropped ${counts.dropped === 1 ? 'is' : 'are'} left out`
          : ''}
        .
      </p>
      <div className="import-existing" data-state={props.existing.kind}>
        <ExistingNote state={props.existing} onRetry={props.onRetryExisting} />
      </div>
      <p>
        Takes {formatDuration(estimate.seconds)}: one request per number, at up to {count(estimate.perMin)} a
        minute (70% of the team's {count(estimate.budget)}-a-minute budget
        {estimate.assumed ? ', assumed until the gateway reports it' : ''}; people using the console go
        first). It runs on the server: you can close this tab and come back.
      </p>
      {tooMany ? (
        <p className="field-problem" role="alert">
          This file holds {count(numbers)} numbers; one import takes up to {count(IMPORT_MAX_ROWS)}: untick a
          column or split the file, and import the parts one after another.
        </p>
      ) : null}
      {start.error ? (
        <ErrorPanel
          title="Could not start the import"
          error={start.error}
          onRetry={run}
          retrying={start.isPending}
        />
      ) : null}
      <button
        type="button"
        className="btn btn-primary"
        disabled={sending === 0 || tooMany || start.isPending}
        onClick={run}
      >
        {start.isPending ? 'Starting…' : `Import ${count(sending)} number${sending === 1 ? '' : 's'}`}
      </button>
    </section>
  );
}
