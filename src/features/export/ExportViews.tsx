// One small view per state of the export (see useExportJob): what it says and which buttons it offers.
import type { Ref } from 'react';
import { ErrorFacts } from '../../components/ErrorFacts';
import type { ExportPageError, ExportProgress } from './exporter';
import type { ExportFile } from './sinks';

export const count = (n: number) => n.toLocaleString('en');

function duration(seconds: number | null): string {
  if (seconds === null) return 'estimating time left';
  if (seconds < 1) return 'less than a second left';
  if (seconds < 90) return `about ${Math.ceil(seconds)} s left`;
  return `about ${Math.ceil(seconds / 60)} min left`;
}

function size(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000))} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export function ReadyView({ streams }: { streams: boolean }) {
  return (
    <div className="export-body">
      <p>
        CSV with 14 columns: id, every phone format (as entered, E.164, international, national, RFC 3966),
        country code, region, channels, default channel, opt-out, inherited, created and updated.
      </p>
      <p className="muted">
        Cells starting with “+”, “=”, “-” or “@” get a leading ' so spreadsheets keep phone numbers as text
        and never run a formula.{' '}
        {streams
          ? 'You choose where to save; rows are written to the file as they arrive.'
          : 'The file downloads when every row has arrived.'}
      </p>
    </div>
  );
}

/** Running, or stopped at a failed page: the bar, the rows so far, and the rate or the failure. */
export function ProgressView({
  progress,
  expected,
  failure,
}: {
  progress: ExportProgress | null;
  expected: number;
  failure: ExportPageError | null;
}) {
  const rowsDone = progress?.rowsDone ?? 0;
  const percent = expected > 0 ? Math.min(100, Math.floor((rowsDone / expected) * 100)) : 100;
  return (
    <div className="export-body">
      <div
        className={failure ? 'export-bar export-bar-failed' : 'export-bar'}
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={expected}
        aria-valuenow={rowsDone}
        aria-valuetext={`${count(rowsDone)} of ${count(expected)} rows`}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <p className="export-count">
        <span>
          <strong data-testid="export-rows">{count(rowsDone)}</strong> of {count(expected)} rows
        </span>
        <span className="muted">{percent}%</span>
      </p>
      {failure ? (
        <PageFailure error={failure} rowsDone={rowsDone} />
      ) : (
        <p className="export-rate muted">
          {progress && progress.rate > 0
            ? `${count(Math.round(progress.rate))} rows/s · ${duration(progress.secondsLeft)}`
            : 'Starting…'}
        </p>
      )}
    </div>
  );
}

/** What support needs to chase a failed page: which page, code, message, request id. */
function PageFailure({ error, rowsDone }: { error: ExportPageError; rowsDone: number }) {
  const reason = error.cause instanceof Error ? error.cause.message : 'Unknown error.';
  return (
    <div className="export-error callout-danger" role="alert">
      <p className="export-error-title">
        Page {count(error.page)}
        {error.totalPages ? ` of ${count(error.totalPages)}` : ''} could not be fetched
      </p>
      <p>{reason}</p>
      <ErrorFacts error={error.cause} />
      <p className="muted">
        The {count(rowsDone)} rows before it are kept. Retrying continues from page {count(error.page)}, with
        no gaps or duplicates.
      </p>
    </div>
  );
}

export function DoneView({ file, progress }: { file: ExportFile; progress: ExportProgress | null }) {
  const rowsDone = progress?.rowsDone ?? 0;
  return (
    <div className="export-body export-done" role="status">
      <span className="export-done-icon" aria-hidden="true">
        ✓
      </span>
      <div>
        <p>
          <strong>Exported {count(rowsDone)} contacts</strong>
        </p>
        <p className="export-file">
          {file.url ? 'Downloaded' : 'Saved to'} <code>{file.name}</code>{' '}
          <span className="muted">({size(file.bytes)})</span>
        </p>
        {progress && (progress.listChanged || progress.total !== rowsDone) ? (
          <p className="export-warn">
            Contacts were added or removed while exporting ({count(progress.total ?? 0)} matched at the
            start), so a row may be missing or repeated. Export again for an exact copy.
          </p>
        ) : null}
        {file.url ? (
          <a className="export-again" href={file.url} download={file.name}>
            Download again
          </a>
        ) : null}
      </div>
    </div>
  );
}

export function CancelledView({ rowsDone, expected }: { rowsDone: number; expected: number }) {
  return (
    <p className="export-body" role="status">
      Export cancelled after {count(rowsDone)} of {count(expected)} rows. No file was saved.
    </p>
  );
}

export function BrokenView({ message }: { message: string }) {
  return (
    <p className="export-body export-broken" role="alert">
      The file could not be written: {message}
    </p>
  );
}

/** A plain button; `primary` takes the focus when its state begins, so Enter goes on. */
export function ActionButton({
  label,
  onClick,
  primary,
  strong = false,
}: {
  label: string;
  onClick: () => void;
  primary?: Ref<HTMLButtonElement>;
  strong?: boolean;
}) {
  return (
    <button ref={primary} type="button" className={strong ? 'btn btn-primary' : 'btn'} onClick={onClick}>
      {label}
    </button>
  );
}
