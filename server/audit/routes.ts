// The admin query API, as a Hono app the gateway mounts behind its admin check (e.g. at /__audit):
//   GET /          ?actor&profile_id&contact_id&number&action&from&to&before|after&page_size → {data, pagination}
//   GET /people    ?q&limit → {data: people whose name or id contains q} (the person filter's choices)
//   GET /export.csv  same filters, every match, oldest first, streamed.
// Who may call it is the gateway's decision; `onExport` lets it record the export (filters, row count)
// before the file is sent.
import { vValidator } from '@hono/valibot-validator';
import type { Context } from 'hono';
import { Hono } from 'hono';
import * as v from 'valibot';
import { csvRow } from '../../src/shared/csv.ts';
import { ENTRY_COLUMNS, type StoredEntry } from './entry.ts';
import { AuditQueryError, formatCursor, type ParsedQuery, parseAuditQuery } from './query.ts';
import type { AuditStore, AuditVisibility } from './store.ts';

export interface AuditRoutesOptions {
  store: AuditStore;
  phoneKey: Buffer;
  /** What the caller may see (applied to the query, the CSV and their counts); absent: every entry. */
  visibleTo?: (c: Context) => AuditVisibility;
  onExport?: (c: Context, exported: { filters: Record<string, string>; rowCount: number }) => Promise<void>;
}

const PeopleQuery = v.object({
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200)), ''),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number), v.minValue(1), v.maxValue(100)),
    '20',
  ),
});

const peopleRefusal = (result: { success: boolean; issues?: unknown }, c: Context) => {
  if (result.success) return undefined;
  const issue = (result.issues as v.BaseIssue<unknown>[])[0];
  const param = String(issue?.path?.[0]?.key ?? 'query');
  const message =
    param === 'limit' ? 'limit must be a whole number from 1 to 100' : `${param} ${issue?.message}`;
  return c.json({ error: { code: 'AUDIT_QUERY', message, param } }, 400);
};

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
        page_size: page.pageSize,
        // At most COUNT_CAP; total_exact false means "more than total".
        total: result.total,
        total_exact: result.totalExact,
        older: result.older && formatCursor(result.older),
        newer: result.newer && formatCursor(result.newer),
      },
    });
  });

  app.get('/people', vValidator('query', PeopleQuery, peopleRefusal), async (c) => {
    const { q, limit } = c.req.valid('query');
    c.header('cache-control', 'no-store');
    return c.json({ data: await opts.store.people(q, limit, opts.visibleTo?.(c)) });
  });

  app.get('/export.csv', async (c) => {
    const { filter, given } = parse(c);
    await opts.onExport?.(c, { filters: given, rowCount: await opts.store.countAll(filter) });
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
