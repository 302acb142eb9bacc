// GET /__imports/{id}/rows.csv?state=failed|created: the rows to fix (set aside by the check, or refused by the
// API, each with why) or the contacts created, as spreadsheet-safe CSV (src/shared/csv.ts), streamed a page of
// rows at a time so 100,000 rows never sit in memory at once.
import { csvRow } from '../../src/shared/csv.ts';
import type { RowDownload, RowState } from '../../src/shared/imports.ts';
import type { ImportStore, StoredJob } from './store.ts';

export const ROWS_OF: Record<RowDownload, readonly RowState[]> = {
  failed: ['invalid', 'duplicate', 'failed'],
  created: ['created'],
};

/** `row` is the file's row (a vCard's card), `column` the column the number was in. */
const HEADER = ['row', 'column', 'input', 'phone', 'state', 'reason', 'contact_id'];
const PAGE = 1_000;

/** How many rows the download holds (from the job's counts). */
export const rowCount = (job: StoredJob, which: RowDownload) =>
  ROWS_OF[which].reduce((n, state) => n + job.counts[state], 0);

/** A file name from the imported one: `clinics-failed.csv`; only safe characters. */
export function downloadName(fileName: string, which: RowDownload): string {
  const base =
    fileName
      .replace(/\.[^.]*$/, '')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .slice(0, 80) || 'import';
  return `${base}-${which}.csv`;
}

export function rowsCsv(store: ImportStore, job: StoredJob, which: RowDownload): Response {
  const states = ROWS_OF[which];
  const encoder = new TextEncoder();
  let after = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(HEADER)));
    },
    async pull(controller) {
      const rows = await store.rows(job.id, states, after, PAGE);
      if (rows.length > 0) {
        after = rows.at(-1)?.item ?? after;
        const text = rows
          .map((r) => csvRow([r.row, r.column, r.input, r.phone, r.state, r.reason, r.contactId]))
          .join('');
        controller.enqueue(encoder.encode(text));
      }
      if (rows.length < PAGE) controller.close();
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${downloadName(job.fileName, which)}"`,
      'cache-control': 'no-store',
    },
  });
}
