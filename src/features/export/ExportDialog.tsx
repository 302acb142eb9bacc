import { useEffect, useId, useRef } from 'react';
import { channelLabel } from '../../lib/channels';
import type { ExportFilter } from '../../queries/exportPages';
import {
  ActionButton,
  BrokenView,
  CancelledView,
  count,
  DoneView,
  ProgressView,
  ReadyView,
} from './ExportViews';
import { canStreamToFile, exportFileName, releaseFile } from './sinks';
import { useExportJob } from './useExportJob';
import './export.css';

export interface ExportDialogProps {
  filter: ExportFilter;
  /** Name of the organization or profile being exported (for the summary and the file name). */
  account: string | null;
  /** Matches shown in the list when the dialog opened. */
  total: number;
  onClose: () => void;
}

/**
 * The export, from "what will be exported" to the saved file: progress (rows, rate, time left), Cancel,
 * a failed page with Retry page, and Done with the file name. A native modal <dialog> traps focus; Esc
 * closes it except while rows are being fetched (then only Cancel stops it).
 */
export default function ExportDialog({ filter, account, total, onClose }: ExportDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const primary = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const summaryId = useId();
  const streams = canStreamToFile();
  const fileName = exportFileName({ account, channel: filter.channel, search: filter.search });
  const { state, progress, start, retry, cancel } = useExportJob(filter, fileName, streams);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  // Each state's main action takes the focus, so keyboard users can go on with Enter.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus whenever the state changes
  useEffect(() => {
    primary.current?.focus();
  }, [state.kind]);

  const close = () => {
    if (state.kind === 'running') return;
    if (state.kind === 'done') releaseFile(state.file);
    // Leave the top layer first: while the modal is open the page is inert and cannot take focus back.
    dialog.current?.close();
    onClose();
  };
  const stop = () => {
    if (!cancel()) onClose();
  };

  const running = state.kind === 'running';
  const rowsDone = progress?.rowsDone ?? 0;
  const expected = progress?.total ?? total;
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
      aria-describedby={summaryId}
      onCancel={(event) => {
        // Esc: never while rows are being fetched; otherwise close (a failed export is dropped).
        event.preventDefault();
        if (state.kind === 'failed') stop();
        if (!running) close();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself) closes when nothing is running.
        if (event.target === dialog.current && !running && state.kind !== 'failed') close();
      }}
    >
      <div className="export-inner">
        <div className="dialog-head">
          <h2 id={titleId}>Export contacts</h2>
          {running ? null : (
            <button
              type="button"
              className="icon-btn dialog-x"
              aria-label="Close"
              onClick={() => {
                if (state.kind === 'failed') stop();
                close();
              }}
            >
              ×
            </button>
          )}
        </div>
        <p id={summaryId} className="export-scope">
          {filter.search || filter.channel ? '' : 'All '}
          <strong>{count(expected)}</strong> {expected === 1 ? 'contact' : 'contacts'}
          {account ? ` of ${account}` : ''}
          {what ? ` ${what}` : ''}.
        </p>

        {state.kind === 'ready' ? <ReadyView streams={streams} /> : null}
        {state.kind === 'running' || state.kind === 'failed' ? (
          <ProgressView
            progress={progress}
            expected={expected}
            failure={state.kind === 'failed' ? state.error : null}
          />
        ) : null}
        {state.kind === 'done' ? <DoneView file={state.file} progress={progress} /> : null}
        {state.kind === 'cancelled' ? <CancelledView rowsDone={rowsDone} expected={expected} /> : null}
        {state.kind === 'broken' ? <BrokenView message={state.message} /> : null}

        <div className="export-actions">
          {state.kind === 'ready' ? (
            <>
              <ActionButton label="Cancel" onClick={close} />
              <ActionButton
                primary={primary}
                strong
                label={`Export ${count(total)} ${total === 1 ? 'row' : 'rows'}`}
                onClick={() => void start()}
              />
            </>
          ) : null}
          {running ? <ActionButton primary={primary} label="Cancel export" onClick={stop} /> : null}
          {state.kind === 'failed' ? (
            <>
              <ActionButton label="Cancel export" onClick={stop} />
              <ActionButton
                primary={primary}
                strong
                label={`Retry page ${state.error.page}`}
                onClick={retry}
              />
            </>
          ) : null}
          {state.kind === 'done' || state.kind === 'cancelled' || state.kind === 'broken' ? (
            <ActionButton primary={primary} strong label="Close" onClick={close} />
          ) : null}
        </div>
      </div>
    </dialog>
  );
}
