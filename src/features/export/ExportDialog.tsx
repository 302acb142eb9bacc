import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { ErrorFacts } from '../../components/ErrorFacts';
import { channelLabel } from '../contacts/format';
import { ContactExporter, type ExportFilter, ExportPageError, type ExportProgress } from './exporter';
import {
  canStreamToFile,
  downloadSink,
  type ExportFile,
  type ExportSink,
  exportFileName,
  pickFileSink,
  releaseFile,
} from './sinks';
import './export.css';

export interface ExportDialogProps {
  filter: ExportFilter;
  /** Name of the organization or profile being exported (for the summary and the file name). */
  account: string | null;
  /** Matches shown in the list when the dialog opened. */
  total: number;
  onClose: () => void;
}

type State =
  | { kind: 'ready' }
  | { kind: 'running' }
  | { kind: 'failed'; error: ExportPageError }
  | { kind: 'cancelled' }
  | { kind: 'done'; file: ExportFile }
  | { kind: 'broken'; message: string };

interface Job {
  exporter: ContactExporter;
  sink: ExportSink;
  controller: AbortController;
  finished: boolean;
}

const count = (n: number) => n.toLocaleString('en');

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

/**
 * The export, from "what will be exported" to the saved file: progress (rows, rate, time left), Cancel,
 * a failed page with Retry page, and Done with the file name. A native modal <dialog> traps focus; Esc
 * closes it except while rows are being fetched (then only Cancel stops it).
 */
export default function ExportDialog({ filter, account, total, onClose }: ExportDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const primary = useRef<HTMLButtonElement>(null);
  const job = useRef<Job | null>(null);
  const starting = useRef(false);
  const [state, setState] = useState<State>({ kind: 'ready' });
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const titleId = useId();
  const scopeId = useId();
  const fileName = exportFileName({ account, channel: filter.channel, search: filter.search });
  const streams = canStreamToFile();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  // Each state's main action takes the focus, so keyboard users can go on with Enter.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus whenever the state changes
  useEffect(() => {
    primary.current?.focus();
  }, [state.kind]);

  // Reloading or closing the tab would throw the export away: ask first while rows are being fetched.
  useEffect(() => {
    if (state.kind !== 'running') return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.kind]);

  // Leaving the page (or closing) mid-export stops the requests and drops the partial file.
  useEffect(
    () => () => {
      const current = job.current;
      if (!current) return;
      current.controller.abort();
      if (!current.finished) void current.sink.abort().catch(() => {});
    },
    [],
  );

  const run = async (current: Job) => {
    setState({ kind: 'running' });
    try {
      await current.exporter.run();
      const file = await current.sink.close();
      current.finished = true;
      setState({ kind: 'done', file });
    } catch (error) {
      if (current.controller.signal.aborted) {
        await current.sink.abort().catch(() => {});
        current.finished = true;
        setState({ kind: 'cancelled' });
      } else if (error instanceof ExportPageError) {
        setState({ kind: 'failed', error });
      } else {
        await current.sink.abort().catch(() => {});
        current.finished = true;
        setState({ kind: 'broken', message: error instanceof Error ? error.message : String(error) });
      }
    }
  };

  const start = async () => {
    // A double click must not start two exports (or open a second picker over the first).
    if (starting.current) return;
    starting.current = true;
    let sink: ExportSink;
    try {
      // The picker needs the click's user activation, so it is the first thing the handler does.
      sink = streams ? await pickFileSink(fileName) : downloadSink(fileName);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        starting.current = false; // picker dismissed: the user may try again
        return;
      }
      sink = downloadSink(fileName); // picker refused (policy, sandbox): download instead
    }
    const controller = new AbortController();
    const exporter = new ContactExporter({
      filter,
      sink,
      signal: controller.signal,
      onProgress: setProgress,
    });
    const current: Job = { exporter, sink, controller, finished: false };
    job.current = current;
    await run(current);
  };

  const cancel = () => {
    const current = job.current;
    if (!current) return onClose();
    // Running: abort, run() settles into "cancelled". Failed: nothing in flight, drop the file here.
    current.controller.abort();
    if (state.kind === 'failed') {
      current.finished = true;
      void current.sink.abort().catch(() => {});
      setState({ kind: 'cancelled' });
    }
  };

  const close = () => {
    if (state.kind === 'running') return;
    if (state.kind === 'done') releaseFile(state.file);
    // Leave the top layer first: while the modal is open the page is inert and cannot take focus back.
    dialog.current?.close();
    onClose();
  };

  const running = state.kind === 'running';
  const rowsDone = progress?.rowsDone ?? 0;
  const expected = progress?.total ?? total;
  const percent = expected > 0 ? Math.min(100, Math.floor((rowsDone / expected) * 100)) : 100;
  const what = [
    filter.search ? `matching “${filter.search}”` : null,
    filter.channel ? `on ${channelLabel(filter.channel)}` : null,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Esc is handled by the dialog's cancel event
    <dialog
      ref={dialog}
      className="modal export-dialog"
      aria-labelledby={titleId}
      aria-describedby={scopeId}
      onCancel={(event) => {
        // Esc: never while rows are being fetched; otherwise close (a failed export is dropped).
        event.preventDefault();
        if (state.kind === 'failed') cancel();
        if (!running) close();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself) closes when nothing is running.
        if (event.target === dialog.current && !running && state.kind !== 'failed') close();
      }}
    >
      <div className="export-inner">
        <div className="export-head">
          <h2 id={titleId}>Export contacts</h2>
          {running ? null : (
            <button
              type="button"
              className="icon-btn export-x"
              aria-label="Close"
              onClick={() => {
                if (state.kind === 'failed') cancel();
                close();
              }}
            >
              ×
            </button>
          )}
        </div>
        <p id={scopeId} className="export-scope">
          {filter.search || filter.channel ? '' : 'All '}
          <strong>{count(expected)}</strong> {expected === 1 ? 'contact' : 'contacts'}
          {account ? ` of ${account}` : ''}
          {what ? ` ${what}` : ''}.
        </p>

        {state.kind === 'ready' ? (
          <div className="export-body">
            <p>
              CSV with 14 columns: id, every phone format (as entered, E.164, international, national, RFC
              3966), country code, region, channels, default channel, opt-out, inherited, created and updated.
            </p>
            <p className="muted">
              Cells starting with “+”, “=”, “-” or “@” get a leading ' so spreadsheets keep phone numbers as
              text and never run a formula.{' '}
              {streams
                ? 'You choose where to save; rows are written to the file as they arrive.'
                : 'The file downloads when every row has arrived.'}
            </p>
          </div>
        ) : null}

        {state.kind === 'running' || state.kind === 'failed' ? (
          <div className="export-body">
            <div
              className={state.kind === 'failed' ? 'export-bar export-bar-failed' : 'export-bar'}
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
            {state.kind === 'running' ? (
              <p className="export-rate muted">
                {progress && progress.rate > 0
                  ? `${count(Math.round(progress.rate))} rows/s · ${duration(progress.secondsLeft)}`
                  : 'Starting…'}
              </p>
            ) : (
              <PageFailure error={state.error} rowsDone={rowsDone} />
            )}
          </div>
        ) : null}

        {state.kind === 'done' ? (
          <div className="export-body export-done" role="status">
            <span className="export-done-icon" aria-hidden="true">
              ✓
            </span>
            <div>
              <p>
                <strong>Exported {count(rowsDone)} contacts</strong>
              </p>
              <p className="export-file">
                {state.file.url ? 'Downloaded' : 'Saved to'} <code>{state.file.name}</code>{' '}
                <span className="muted">({size(state.file.bytes)})</span>
              </p>
              {progress && (progress.listChanged || progress.total !== rowsDone) ? (
                <p className="export-warn">
                  Contacts were added or removed while exporting ({count(progress.total ?? 0)} matched at the
                  start), so a row may be missing or repeated. Export again for an exact copy.
                </p>
              ) : null}
              {state.file.url ? (
                <a className="export-again" href={state.file.url} download={state.file.name}>
                  Download again
                </a>
              ) : null}
            </div>
          </div>
        ) : null}

        {state.kind === 'cancelled' ? (
          <p className="export-body" role="status">
            Export cancelled after {count(rowsDone)} of {count(expected)} rows. No file was saved.
          </p>
        ) : null}

        {state.kind === 'broken' ? (
          <p className="export-body export-broken" role="alert">
            The file could not be written: {state.message}
          </p>
        ) : null}

        <div className="export-actions">
          {state.kind === 'ready' ? (
            <>
              <button type="button" className="btn" onClick={close}>
                Cancel
              </button>
              <button ref={primary} type="button" className="btn btn-primary" onClick={start}>
                Export {count(total)} {total === 1 ? 'row' : 'rows'}
              </button>
            </>
          ) : null}
          {state.kind === 'running' ? (
            <button ref={primary} type="button" className="btn" onClick={cancel}>
              Cancel export
            </button>
          ) : null}
          {state.kind === 'failed' ? (
            <>
              <button type="button" className="btn" onClick={cancel}>
                Cancel export
              </button>
              <button
                ref={primary}
                type="button"
                className="btn btn-primary"
                onClick={() => job.current && run(job.current)}
              >
                Retry page {state.error.page}
              </button>
            </>
          ) : null}
          {state.kind === 'done' || state.kind === 'cancelled' || state.kind === 'broken' ? (
            <button ref={primary} type="button" className="btn btn-primary" onClick={close}>
              Close
            </button>
          ) : null}
        </div>
      </div>
    </dialog>
  );
}

/** What support needs to chase a failed page: which page, code, message, request id. */
function PageFailure({ error, rowsDone }: { error: ExportPageError; rowsDone: number }) {
  const api = error.cause instanceof ApiError ? error.cause : null;
  const reason = error.cause instanceof Error ? error.cause.message : 'Unknown error.';
  return (
    <div className="export-error" role="alert">
      <p className="export-error-title">
        Page {count(error.page)}
        {error.totalPages ? ` of ${count(error.totalPages)}` : ''} could not be fetched
      </p>
      <p>{reason}</p>
      <ErrorFacts error={api} />
      <p className="muted">
        The {count(rowsDone)} rows before it are kept. Retrying continues from page {count(error.page)}, with
        no gaps or duplicates.
      </p>
    </div>
  );
}
