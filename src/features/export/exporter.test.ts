// The exporter against a stubbed `fetch`: the real HTTP module (envelope, ApiError, Retry-After) runs,
// only the network is fake. Each test controls when every page answers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contactPageFetcher, type ExportFilter } from '../../queries/exportPages';
import { CSV_HEADER } from './csv';
import { ContactExporter, type ExporterOptions, ExportPageError, type ExportProgress } from './exporter';

interface PageCall {
  page: number;
  pageSize: number;
  url: URL;
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
}

type Responder = (call: PageCall) => Response | Promise<Response>;

function contactsPage(page: number, pageSize: number, total: number): Response {
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

function failure(status: number, code: string, headers: Record<string, string> = {}): Response {
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
function abortable<T>(signal: AbortSignal | undefined, work: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal?.removeEventListener('abort', onAbort));
  });
}

let calls: PageCall[];

/** The exporter as the dialog builds it: its pages come through the real HTTP module, for this filter. */
function exporterFor({ filter, ...options }: Omit<ExporterOptions, 'fetchPage'> & { filter: ExportFilter }) {
  return new ContactExporter({ fetchPage: contactPageFetcher(filter), ...options });
}

function stubApi(respond: Responder) {
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

function memorySink() {
  const chunks: string[] = [];
  return { chunks, write: async (chunk: string) => void chunks.push(chunk), text: () => chunks.join('') };
}

const ids = (csv: string) =>
  csv
    .split('\r\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(',')[0]);
const expectedIds = (total: number) => Array.from({ length: total }, (_, i) => `c${i + 1}`);
const tick = (ms = 0) => new Promise((done) => setTimeout(done, ms));
const noSleep = async () => {};

beforeEach(() => {
  calls = [];
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ContactExporter', () => {
  it('requests the filter through the API module and writes every row once, in order, despite out-of-order answers', async () => {
    const total = 10_450;
    // Later pages answer first: page 11 after ~0 ms, page 2 after ~45 ms.
    stubApi(async ({ page, pageSize }) => {
      if (page > 1) await tick((12 - page) * 5);
      return contactsPage(page, pageSize, total);
    });
    const sink = memorySink();
    const progress: ExportProgress[] = [];
    const exporter = exporterFor({
      filter: { profileId: 'p-1', search: '44', channel: 'whatsapp' },
      sink,
      onProgress: (p) => progress.push(p),
    });
    await exporter.run();

    expect(sink.chunks[0]).toBe(CSV_HEADER);
    expect(ids(sink.text())).toEqual(expectedIds(total));
    expect(exporter.done).toBe(true);
    expect(exporter.rows).toBe(total);
    // Each page exactly once, page_size 1000, with the profile and filters.
    expect(calls.map((c) => c.page).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const call of calls) {
      expect(call.pageSize).toBe(1000);
      expect(call.url.searchParams.get('search')).toBe('44');
      expect(call.url.searchParams.get('channel')).toBe('whatsapp');
      expect(call.headers['x-profile-id']).toBe('p-1');
    }
    // One chunk per page after the header: pages are turned into text and written, never collected.
    expect(sink.chunks).toHaveLength(12);
    const last = progress.at(-1);
    expect(last).toMatchObject({
      rowsDone: total,
      total,
      pagesDone: 11,
      totalPages: 11,
      secondsLeft: 0,
      listChanged: false,
    });
    expect(progress.map((p) => p.rowsDone)).toEqual(
      [...progress.map((p) => p.rowsDone)].sort((a, b) => a - b),
    );
  });

  it('keeps at most 4 requests in flight and never runs far ahead of the last page written', async () => {
    let inFlight = 0;
    let peak = 0;
    const release: (() => void)[] = [];
    stubApi(async ({ page, pageSize }) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      // Page 2 stalls until released; the others answer at once.
      if (page === 2) await new Promise<void>((done) => release.push(done));
      else await tick();
      inFlight--;
      return contactsPage(page, pageSize, 20_000);
    });
    const sink = memorySink();
    const exporter = exporterFor({ filter: { profileId: null }, sink });
    const running = exporter.run();
    await vi.waitFor(() => expect(release).toHaveLength(1));
    // The window is full once page 9 is asked for and only page 2 is still out; then let every settled
    // promise run its handlers (a zero-delay flush, no wall clock): a runaway exporter would ask for page 10.
    await vi.waitFor(() => {
      expect(calls.some((c) => c.page === 9)).toBe(true);
      expect(inFlight).toBe(1);
    });
    await tick();
    // Stuck on page 2: only a bounded window (8 pages) is fetched ahead, the rest waits.
    expect(Math.max(...calls.map((c) => c.page))).toBeLessThanOrEqual(9);
    expect(sink.chunks).toHaveLength(2); // header + page 1
    release[0]?.();
    await running;
    expect(peak).toBeLessThanOrEqual(4);
    expect(ids(sink.text())).toEqual(expectedIds(20_000));
  });

  it('cancel aborts the requests in flight and sends no more', async () => {
    stubApi(({ page, pageSize, signal }) =>
      // Page 1 answers; every later page hangs until aborted.
      page === 1 ? contactsPage(page, pageSize, 20_000) : abortable(signal, new Promise<Response>(() => {})),
    );
    const controller = new AbortController();
    const exporter = exporterFor({
      filter: { profileId: null },
      sink: memorySink(),
      signal: controller.signal,
      // No backoff: a retry after the cancel would go out at once, not after a delay the test would have to sleep.
      sleep: noSleep,
    });
    const running = exporter.run();
    await vi.waitFor(() => expect(calls).toHaveLength(5));
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls.slice(1).every((c) => c.signal?.aborted)).toBe(true);
    await tick(); // every promise the abort settled has run its handlers
    expect(calls).toHaveLength(5);
    expect(exporter.done).toBe(false);
  });

  it('stops at a failed page with its number, and "retry" resumes there without losing or repeating rows', async () => {
    const total = 6_500;
    let broken = true;
    stubApi(async ({ page, pageSize }) => {
      if (page === 3 && broken) {
        await tick(2); // page 2 is written by then
        return failure(503, 'INTERNAL_002', { 'x-request-id': 'req_p3' });
      }
      if (page === 4) await tick(50); // page 4 is still in flight when page 3 fails
      return contactsPage(page, pageSize, total);
    });
    const sink = memorySink();
    const exporter = exporterFor({ filter: { profileId: null }, sink, sleep: noSleep });

    const error = await exporter.run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportPageError);
    const pageError = error as ExportPageError;
    expect(pageError.page).toBe(3);
    expect(pageError.totalPages).toBe(7);
    expect(pageError.message).toMatch(/^Page 3 of 7 could not be fetched/);
    expect(pageError.cause).toMatchObject({ status: 503, code: 'INTERNAL_002', requestId: 'req_fail' });
    // The file stops right before the failed page.
    expect(ids(sink.text())).toEqual(expectedIds(2000));
    expect(exporter.rows).toBe(2000);
    // 5xx is retried automatically like the rest of the console, then the export stops.
    expect(calls.filter((c) => c.page === 3)).toHaveLength(2);

    broken = false;
    const before = calls.length;
    await exporter.run();
    const resumed = calls.slice(before).map((c) => c.page);
    expect(resumed).toContain(3);
    expect(resumed).not.toContain(1);
    expect(resumed).not.toContain(2);
    expect(ids(sink.text())).toEqual(expectedIds(total));
    expect(sink.chunks.filter((c) => c === CSV_HEADER)).toHaveLength(1);
  });

  it('a failing first page can be retried too', async () => {
    let broken = true;
    stubApi(({ page, pageSize }) =>
      broken ? failure(400, 'VALIDATION_001') : contactsPage(page, pageSize, 1200),
    );
    const sink = memorySink();
    const exporter = exporterFor({ filter: { profileId: null }, sink, sleep: noSleep });
    await expect(exporter.run()).rejects.toMatchObject({
      name: 'ExportPageError',
      page: 1,
      totalPages: null,
    });
    expect(calls).toHaveLength(1); // 4xx is not retried automatically
    broken = false;
    await exporter.run();
    expect(ids(sink.text())).toEqual(expectedIds(1200));
  });

  it('waits out a 429 for Retry-After seconds and retries the same page', async () => {
    let limited = true;
    stubApi(({ page, pageSize }) => {
      if (page === 2 && limited) {
        limited = false;
        return failure(429, 'BUSINESS_002', { 'retry-after': '7' });
      }
      return contactsPage(page, pageSize, 3000);
    });
    const sleeps: number[] = [];
    const sink = memorySink();
    const exporter = exporterFor({
      filter: { profileId: null },
      sink,
      sleep: async (ms) => void sleeps.push(ms),
    });
    await exporter.run();
    expect(sleeps).toEqual([7000]);
    expect(calls.filter((c) => c.page === 2)).toHaveLength(2);
    expect(ids(sink.text())).toEqual(expectedIds(3000));
  });

  it('marks its pages as background work and keeps coming back while the gateway sets them aside', async () => {
    let setAside = 5; // more than the console's 429 waits: being set aside is not a failure
    stubApi(({ page, pageSize }) => {
      if (page === 2 && setAside-- > 0) return failure(429, 'GATEWAY_012', { 'retry-after': '3' });
      return contactsPage(page, pageSize, 3000);
    });
    const sleeps: number[] = [];
    const sink = memorySink();
    await exporterFor({ filter: { profileId: null }, sink, sleep: async (ms) => void sleeps.push(ms) }).run();
    expect(sleeps).toEqual(Array(5).fill(3000));
    expect(calls.every((c) => c.headers['x-sent-priority'] === 'background')).toBe(true);
    expect(ids(sink.text())).toEqual(expectedIds(3000));
  });

  it('paces requests one refill interval apart once the rate limit runs low', async () => {
    stubApi(({ page, pageSize }) => contactsPage(page, pageSize, 4000));
    const clock = 0;
    const sleeps: number[] = [];
    const exporter = exporterFor({
      filter: { profileId: null },
      sink: memorySink(),
      now: () => clock,
      sleep: async (ms) => void sleeps.push(ms),
      rateLimit: () => ({ limit: 200, remaining: 3, reset: 0, mode: null, windowRemaining: null }),
    });
    await exporter.run();
    // 200/min = one request every 300 ms; the clock stands still, so each waits one more slot.
    expect(sleeps).toEqual([300, 600, 900]);
  });

  it('flags a list that changed size during the export', async () => {
    // A contact is added after page 1 was served: later pages report one more match.
    stubApi(({ page, pageSize }) => contactsPage(page, pageSize, page === 1 ? 2500 : 2501));
    const progress: ExportProgress[] = [];
    const exporter = exporterFor({
      filter: { profileId: null },
      sink: memorySink(),
      onProgress: (p) => progress.push(p),
    });
    await exporter.run();
    expect(progress[0]?.listChanged).toBe(false);
    expect(progress.at(-1)?.listChanged).toBe(true);
  });

  it('an empty result is a header-only file', async () => {
    stubApi(({ page, pageSize }) => contactsPage(page, pageSize, 0));
    const sink = memorySink();
    const exporter = exporterFor({ filter: { profileId: null }, sink });
    await exporter.run();
    expect(sink.text()).toBe(CSV_HEADER);
    expect(exporter.done).toBe(true);
    expect(calls).toHaveLength(1);
  });
});
