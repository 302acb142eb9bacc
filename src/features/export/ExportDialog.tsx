import { useEffect, useId, useRef } from 'react';
import { Modal } from '../../components/Modal';
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
 * a failed page with Retry page, and Done with the file name. In the shared Modal (focus trapped, Esc
 * closes) except while rows are being fetched: then only Cancel stops it.
 */
export default function ExportDialog({ filter, account, total, onClose }: ExportDialogProps) {
  const primary = useRef<HTMLButtonElement>(null);
  const summaryId = useId();
  const streams = canStreamToFile();
  const fileName = exportFileName({ account, channel: filter.channel, search: filter.search });
  const { state, progress, start, retry, cancel } = useExportJob(filter, fileName, streams);

  // Each state's main action takes the focus, so keyboard users can go on with Enter.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus whenever the state changes
  useEffect(() => {
    primary.current?.focus();
  }, [state.kind]);

  // Closing drops a failed export and lets go of a finished file's memory.
  const closed = () => {
    if (state.kind === 'failed') cancel();
    if (state.kind === 'done') releaseFile(state.file);
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
    <Modal
      title="Export contacts"
      // Esc and the backdrop never stop rows being fetched: only Cancel does.
      busy={running}
      closeOnBackdrop={state.kind !== 'failed'}
      className="export-dialog"
      describedBy={summaryId}
      onClose={closed}
    >
      {(close) => (
        <div className="export-inner">
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
      )}
    </Modal>
  );
}
