// The renderer main thread's tasks by the CPU they used, from a Chromium trace: `longtask` times wall-clock,
// so on a loaded machine (the bench machine is shared) an 8 ms slice the OS pauses for 200 ms counts as a
// 200 ms task. A task's thread time (the trace's `tdur`) is what the page's own code cost it.
import type { Browser, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Traces the page while `work` runs; the main thread's top-level tasks, as CPU milliseconds. */
export async function mainThreadCpuTasks(browser: Browser, page: Page, work: () => Promise<void>) {
  await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
  try {
    await work();
  } catch (error) {
    await browser.stopTracing();
    throw error;
  }
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const events = trace.traceEvents;
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return events
    .filter(
      (e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && main.has(`${e.pid}:${e.tid}`),
    )
    .map((e) => (e.tdur ?? e.dur ?? 0) / 1000);
}
