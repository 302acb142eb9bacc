// The exporter against a stubbed `fetch` (./exporterStubs): every row once and in order, bounded
// concurrency, cancel, an empty result.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CSV_HEADER } from './csv';
import type { ExportProgress } from './exporter';
import {
  abortable,
  calls,
  contactsPage,
  expectedIds,
  exporterFor,
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
