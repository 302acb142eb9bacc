// The exporter's tests' network: a stubbed `fetch` behind the real HTTP module (envelope, ApiError,
// Retry-After), where each test decides when every page answers. Test code only (imported by *.test.ts).
import { vi } from 'vitest';
import { contactPageFetcher, type ExportFilter } from '../../queries/exportPages';
import { ContactExporter, type ExporterOptions } from './exporter';

export interface PageCall {
  page: number;
  pageSize: number;
  url: URL;
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
}

export type Responder = (call: PageCall) => Response | Promise<Response>;

export function contactsPage(page: number, pageSize: number, total: number): Response {
  const from = (page - 1) * pageSize;
  const count = Math.max(0, Math.min(pageSize, total - from));
  const contacts = Array.from({ length: count }, (_, i) => ({
    id: `c${from + i + 1}`,
    format_e164: `+1415555${String(from + i + 1).padStart(4, '0')}`,
    available_channels: 'sms',
    opt_out: false,
  }));
  const totalPages = Math.ceil(total / pageSize);
  return Response.json(
    {
      success: true,
      data: {
        contacts,
        pagination: {
          page,
          page_size: pageSize,
          total_count: total,
          total_pages: totalPages,
          has_more: page < totalPages,
        },
      },
      error: null,
      meta: { request_id: `req_${page}` },
    },
    { headers: { 'x-request-id': `req_${page}` } },
  );
}

export function failure(status: number, code: string, headers: Record<string, string> = {}): Response {
  return Response.json(
    {
      success: false,
      data: null,
      error: { code, message: `Failed with ${code}` },
      meta: { request_id: 'req_fail' },
    },
    { status, headers },
  );
}

/** Resolves when `signal` aborts, rejecting like a real fetch does. */
export function abortable<T>(signal: AbortSignal | undefined, work: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal?.removeEventListener('abort', onAbort));
  });
}

export let calls: PageCall[] = [];

/** The exporter as the dialog builds it: its pages come through the real HTTP module, for this filter. */
export function exporterFor({
  filter,
  ...options
}: Omit<ExporterOptions, 'fetchPage'> & { filter: ExportFilter }) {
  return new ContactExporter({ fetchPage: contactPageFetcher(filter), ...options });
}

export function stubApi(respond: Responder) {
  calls = [];
  vi.stubGlobal('fetch', (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://console.test');
    const call: PageCall = {
      page: Number(url.searchParams.get('page')),
      pageSize: Number(url.searchParams.get('page_size')),
      url,
      headers: init.headers as Record<string, string>,
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    return abortable(call.signal, Promise.resolve(respond(call)));
  });
}

export function memorySink() {
  const chunks: string[] = [];
  return { chunks, write: async (chunk: string) => void chunks.push(chunk), text: () => chunks.join('') };
}

export const ids = (csv: string) =>
  csv
    .split('\r\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(',')[0]);
export const expectedIds = (total: number) => Array.from({ length: total }, (_, i) => `c${i + 1}`);
export const tick = (ms = 0) => new Promise((done) => setTimeout(done, ms));
export const noSleep = async () => {};
