// The exporter when pages fail or the budget runs low (stubbed `fetch`, ./exporterStubs): stop at a failed
// page and resume there, wait out a 429, pace, yield to people, notice a list that changed size.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CSV_HEADER } from './csv';
import { ExportPageError, type ExportProgress } from './exporter';
import {
  calls,
  contactsPage,
  expectedIds,
  exporterFor,
  failure,
  ids,
  memorySink,
  noSleep,
  stubApi,
  tick,
} from './exporterStubs';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ContactExporter', () => {
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
});
