// The admin query API, as a Hono app the gateway mounts behind its admin check (e.g. at /__audit):
//   GET /          ?actor&profile_id&contact_id&number&action&from&to&page&page_size → {data, pagination}
//   GET /export.csv  same filters, every match, oldest first, streamed.
// Who may call it is the gateway's decision; `onExport` lets it record the export (filters, row count)
// before the file is sent.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { csvRow } from '../../src/shared/csv.ts';
import { ENTRY_COLUMNS, type StoredEntry } from './entry.ts';
import { AuditQueryError, type ParsedQuery, parseAuditQuery } from './query.ts';
import type { AuditStore, AuditVisibility } from './store.ts';

export interface AuditRoutesOptions {
  store: AuditStore;
  phoneKey: Buffer;
  /** What the caller may see (applied to the query, the CSV and their counts); absent: every entry. */
  visibleTo?: (c: Context) => AuditVisibility;
  onExport?: (c: Context, exported: { filters: Record<string, string>; rowCount: number }) => Promise<void>;
}

const cell = (value: StoredEntry[keyof StoredEntry]) =>
  typeof value === 'object' && value !== null ? JSON.stringify(value) : value;

export const entryCsvRow = (entry: StoredEntry) => csvRow(ENTRY_COLUMNS.map((column) => cell(entry[column])));

export function auditRoutes(opts: AuditRoutesOptions): Hono {
  const app = new Hono();
  const parse = (c: Context): ParsedQuery => {
    const parsed = parseAuditQuery(new URL(c.req.url).searchParams, opts.phoneKey);
    return { ...parsed, filter: { ...parsed.filter, visible: opts.visibleTo?.(c) } };
  };

  app.onError((error, c) => {
    if (!(error instanceof AuditQueryError)) throw error;
    return c.json({ error: { code: 'AUDIT_QUERY', message: error.message, param: error.param } }, 400);
  });

  app.get('/', async (c) => {
    const { filter, page } = parse(c);
    const result = await opts.store.query(filter, page);
    c.header('cache-control', 'no-store');
    return c.json({
      data: result.entries,
      pagination: {
        page: page.page,
        page_size: page.pageSize,
        total: result.total,
        total_pages: Math.ceil(result.total / page.pageSize),
      },
    });
  });

  app.get('/export.csv', async (c) => {
    const { filter, given } = parse(c);
    const { total } = await opts.store.query(filter, { page: 1, pageSize: 1 });
    await opts.onExport?.(c, { filters: given, rowCount: total });
    const rows = opts.store.iterate(filter)[Symbol.asyncIterator]();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(csvRow(ENTRY_COLUMNS)));
      },
      async pull(controller) {
        // A few hundred rows per chunk: fewer, larger writes.
        let chunk = '';
        for (let i = 0; i < 200; i++) {
          const next = await rows.next();
          if (next.done) {
            if (chunk) controller.enqueue(encoder.encode(chunk));
            controller.close();
            return;
          }
          chunk += entryCsvRow(next.value);
        }
        controller.enqueue(encoder.encode(chunk));
      },
      async cancel() {
        await rows.return?.();
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-${day}.csv"`,
        'cache-control': 'no-store',
      },
    });
  });
  return app;
}
