// The export's state machine, apart from how it looks: ready → running → done | failed | cancelled |
// broken, with failed → running again (Retry page) or → cancelled. It owns the exporter, the sink and the
// AbortController; the dialog only renders the state and calls start/retry/cancel.
import { useEffect, useRef, useState } from 'react';
import { useApiCapabilities } from '../../queries/capabilities';
import {
  contactPageFetcher,
  type ExportAudit,
  type ExportEnd,
  type ExportFilter,
  startExportAudit,
} from '../../queries/exportPages';
import { getRateLimit } from '../../queries/rateLimit';
import { ContactExporter, ExportPageError, type ExportProgress } from './exporter';
import { downloadSink, type ExportFile, type ExportSink, pickFileSink } from './sinks';

export type ExportState =
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
  /** The export's audit entry, finished with how it ended and the rows written. */
  audit: ExportAudit;
  rows: number;
}

/** Tells the audit trail how the export ended; a failure to say so is the gateway's to notice (it sweeps). */
const endAudit = (job: Job, end: ExportEnd) => job.audit.finish(end, job.rows).catch(() => {});

export interface ExportJob {
  state: ExportState;
  progress: ExportProgress | null;
  /** Asks where to save (file picker where there is one) and starts; call it from the click. */
  start: () => Promise<void>;
  /** After a failed page: continues from that page. */
  retry: () => void;
  /** Stops a running export, or drops a failed one; the partial file is never kept. False before start. */
  cancel: () => boolean;
}

export function useExportJob(filter: ExportFilter, fileName: string, streams: boolean): ExportJob {
  const { version } = useApiCapabilities();
  const job = useRef<Job | null>(null);
  const starting = useRef(false);
  const [state, setState] = useState<ExportState>({ kind: 'ready' });
  const [progress, setProgress] = useState<ExportProgress | null>(null);

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
      if (!current.finished) {
        void current.sink.abort().catch(() => {});
        void endAudit(current, 'cancelled');
      }
    },
    [],
  );

  const drop = async (current: Job) => {
    await current.sink.abort().catch(() => {});
    current.finished = true;
  };

  const run = async (current: Job) => {
    setState({ kind: 'running' });
    try {
      await current.exporter.run();
      const file = await current.sink.close();
      current.finished = true;
      await endAudit(current, 'done');
      setState({ kind: 'done', file });
    } catch (error) {
      if (current.controller.signal.aborted) {
        await drop(current);
        await endAudit(current, 'cancelled');
        setState({ kind: 'cancelled' });
      } else if (error instanceof ExportPageError) {
        setState({ kind: 'failed', error });
      } else {
        await drop(current);
        await endAudit(current, 'failed');
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
    // The export announces itself to the audit trail first; without that record there is no export.
    let audit: ExportAudit;
    try {
      audit = await startExportAudit(filter);
    } catch (error) {
      await sink.abort().catch(() => {});
      const why = error instanceof Error ? error.message : String(error);
      setState({ kind: 'broken', message: `The export could not be recorded in the audit trail: ${why}` });
      starting.current = false;
      return;
    }
    const controller = new AbortController();
    const exporter = new ContactExporter({
      fetchPage: contactPageFetcher(filter, version, audit.id),
      rateLimit: getRateLimit,
      sink,
      signal: controller.signal,
      onProgress: (next) => {
        current.rows = next.rowsDone;
        setProgress(next);
      },
    });
    const current: Job = { exporter, sink, controller, finished: false, audit, rows: 0 };
    job.current = current;
    await run(current);
  };

  const retry = () => {
    if (job.current) void run(job.current);
  };

  const cancel = () => {
    const current = job.current;
    if (!current) return false;
    // Running: abort, run() settles into "cancelled". Failed: nothing in flight, drop the file here.
    current.controller.abort();
    if (state.kind === 'failed') {
      current.finished = true;
      void current.sink.abort().catch(() => {});
      void endAudit(current, 'cancelled');
      setState({ kind: 'cancelled' });
    }
    return true;
  };

  return { state, progress, start, retry, cancel };
}
