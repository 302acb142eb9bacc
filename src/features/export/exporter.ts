// Fetches every page of a contact list and streams it, in order, into a sink as CSV. No React.
//
// Memory stays flat however large the export: each page becomes CSV text the moment it arrives (its row
// objects are dropped), pages wait in a small reorder buffer only until the pages before them are written,
// and a page is never requested more than WINDOW pages ahead of the last one written. This module keeps
// the order; the pages come from the `fetchPage` it is given, paced and retried by ./pacing.
//
// One class on purpose (~230 lines): the reorder buffer, the sliding window and resuming after a failed
// page share their state, and splitting them would spread one invariant over several files.
import type { ContactPage, FetchPage } from '../../queries/exportPages';
import { abortableSleep, RequestPacer, type Sleep } from '../../queries/pacing';
import type { RateLimit } from '../../queries/rateLimit';
import { CSV_HEADER, contactsToCsv } from './csv';

export type { ExportFilter, FetchPage } from '../../queries/exportPages';

/** Where the CSV goes: a file on disk (File System Access) or Blob parts downloaded at the end. */
export interface CsvSink {
  write(chunk: string): Promise<void>;
}

export interface ExportProgress {
  rowsDone: number;
  /** total_count of the first page; null until it has arrived. */
  total: number | null;
  pagesDone: number;
  totalPages: number | null;
  /** Rows per second since this run (start or retry) began. */
  rate: number;
  /** Seconds left at the current rate; null while unknown. */
  secondsLeft: number | null;
  /**
   * A later page reported a different total_count: contacts were added or removed during the export, and
   * with offset paging a row may then be missed or repeated at a page boundary.
   */
  listChanged: boolean;
}

export interface ExporterOptions {
  /** One page of the list being exported (src/queries/exportPages.ts makes one for a filter). */
  fetchPage: FetchPage;
  sink: CsvSink;
  onProgress?: (progress: ExportProgress) => void;
  /** Cancels the export: in-flight requests are aborted and no new ones are sent. */
  signal?: AbortSignal;
  pageSize?: number;
  concurrency?: number;
  sleep?: Sleep;
  now?: () => number;
  /** The key's latest request budget, to pace by; without it nothing is paced. */
  rateLimit?: () => RateLimit | null;
}

/** A page that could not be fetched (after the usual automatic retries); `retry()` resumes from it. */
export class ExportPageError extends Error {
  readonly page: number;
  readonly totalPages: number | null;

  constructor(page: number, totalPages: number | null, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : 'Unknown error.';
    super(`Page ${page}${totalPages ? ` of ${totalPages}` : ''} could not be fetched: ${reason}`, { cause });
    this.name = 'ExportPageError';
    this.page = page;
    this.totalPages = totalPages;
  }
}

export const EXPORT_PAGE_SIZE = 1000;
export const EXPORT_CONCURRENCY = 4;
/**
 * One export. `run()` writes the header and every page; when a page fails it rejects with an
 * ExportPageError and keeps its place, so calling `run()` again ("Retry page") continues from that page:
 * pages already written are never requested again and pages fetched ahead stay buffered.
 */
export class ContactExporter {
  private readonly options: Required<Omit<ExporterOptions, 'onProgress' | 'signal'>> &
    Pick<ExporterOptions, 'onProgress' | 'signal'>;
  private total: number | null = null;
  private totalPages: number | null = null;
  /** The next page to write; everything before it is in the sink. */
  private nextToWrite = 1;
  private rowsDone = 0;
  private headerWritten = false;
  /** Pages fetched ahead of nextToWrite, already as CSV text, with their row counts. */
  private readonly ready = new Map<number, { text: string; rows: number }>();
  private readonly pacer: RequestPacer;
  private running = false;
  private listChanged = false;

  constructor(options: ExporterOptions) {
    this.options = {
      pageSize: EXPORT_PAGE_SIZE,
      concurrency: EXPORT_CONCURRENCY,
      sleep: abortableSleep,
      now: () => performance.now(),
      rateLimit: () => null,
      ...options,
    };
    this.pacer = new RequestPacer(this.options);
  }

  get done(): boolean {
    return this.totalPages !== null && this.nextToWrite > this.totalPages;
  }

  get rows(): number {
    return this.rowsDone;
  }

  get expectedRows(): number | null {
    return this.total;
  }

  /** Runs (or resumes) the export until every page is written. Rejects on cancel or a failed page. */
  async run(): Promise<void> {
    if (this.running) throw new Error('This export is already running.');
    this.running = true;
    const outer = this.options.signal;
    // Our own controller so a failed page can stop its siblings without cancelling the whole export.
    const controller = new AbortController();
    const forward = () => controller.abort(outer?.reason);
    outer?.addEventListener('abort', forward, { once: true });
    const started = this.options.now();
    const rowsAtStart = this.rowsDone;
    const report = () => this.report(started, rowsAtStart);

    try {
      outer?.throwIfAborted();
      if (!this.headerWritten) {
        await this.options.sink.write(CSV_HEADER);
        this.headerWritten = true;
      }
      // The first page tells us how many there are; the rest go out in parallel.
      if (this.totalPages === null) {
        const first = await this.fetchPage(this.nextToWrite, controller.signal).catch((error: unknown) => {
          throw controller.signal.aborted ? error : new ExportPageError(this.nextToWrite, null, error);
        });
        this.total = first.pagination.total_count;
        this.totalPages = Math.ceil(this.total / this.options.pageSize);
        this.accept(this.nextToWrite, first);
        await this.flush(report);
      }
      report();
      await this.fetchRest(controller, report);
    } finally {
      outer?.removeEventListener('abort', forward);
      this.running = false;
    }
  }

  private async fetchRest(controller: AbortController, report: () => void): Promise<void> {
    const totalPages = this.totalPages ?? 0;
    const window = this.options.concurrency * 2;
    const inFlight = new Map<number, Promise<void>>();
    let failure: ExportPageError | null = null;
    let cursor = this.nextToWrite;

    const start = (page: number) => {
      const task = this.fetchPage(page, controller.signal)
        .then((result) => this.accept(page, result))
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          // Report the earliest failing page: that is where the file stops and where a retry resumes.
          if (!failure || page < failure.page) failure = new ExportPageError(page, this.totalPages, error);
          controller.abort();
        })
        .finally(() => inFlight.delete(page));
      inFlight.set(page, task);
    };

    for (;;) {
      while (
        !controller.signal.aborted &&
        inFlight.size < this.options.concurrency &&
        cursor <= totalPages &&
        cursor < this.nextToWrite + window
      ) {
        if (!this.ready.has(cursor) && !inFlight.has(cursor)) start(cursor);
        cursor++;
      }
      if (inFlight.size === 0) break;
      await Promise.race(inFlight.values());
      await this.flush(report);
    }
    await this.flush(report);

    if (failure) throw failure;
    this.options.signal?.throwIfAborted();
  }

  /** Turns a page into CSV text at once, so its row objects can be collected. */
  private accept(page: number, result: ContactPage): void {
    if (this.total !== null && result.pagination.total_count !== this.total) this.listChanged = true;
    const contacts = result.contacts;
    this.ready.set(page, { text: contactsToCsv(contacts), rows: contacts.length });
  }

  /** Writes the buffered pages that are next in line, strictly in page order. */
  private async flush(report: () => void): Promise<void> {
    for (;;) {
      const next = this.ready.get(this.nextToWrite);
      if (!next) return;
      await this.options.sink.write(next.text);
      this.ready.delete(this.nextToWrite);
      this.nextToWrite++;
      this.rowsDone += next.rows;
      report();
    }
  }

  private report(started: number, rowsAtStart: number): void {
    if (!this.options.onProgress) return;
    const seconds = (this.options.now() - started) / 1000;
    const rowsThisRun = this.rowsDone - rowsAtStart;
    const rate = seconds > 0 ? rowsThisRun / seconds : 0;
    const left = this.total === null ? null : Math.max(0, this.total - this.rowsDone);
    this.options.onProgress({
      rowsDone: this.rowsDone,
      total: this.total,
      pagesDone: this.nextToWrite - 1,
      totalPages: this.totalPages,
      rate,
      secondsLeft: left === null ? null : left === 0 ? 0 : rate > 0 ? left / rate : null,
      listChanged: this.listChanged,
    });
  }

  private fetchPage(page: number, signal: AbortSignal): Promise<ContactPage> {
    return this.pacer.call((live) => this.options.fetchPage(page, this.options.pageSize, live), signal);
  }
}
