/**
 * `npm run bench:export`: a real "Export CSV" of 100,000 matching contacts in the built console (headless
 * Chromium, embedded API without rate limit, loopback). Runs the export twice, once per sink: the Blob +
 * download fallback and the File System Access stream (the save picker is stood in for by a handle in
 * origin-private storage, since headless Chromium cannot show the picker). Prints rows/s and the page's
 * peak JS heap, sampled over CDP while the export runs (medians of BENCH_RUNS runs per sink, default 3);
 * asserts nothing (benchmarks are not tests).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CDPSession, chromium, type Page } from 'playwright-core';
import { DEMO_IDS } from '../api/demo.ts';
import { createEmbeddedApi } from '../api/server.ts';
import { startAppServer } from '../testing/app-server.ts';
import { buildApp } from '../tools/build-app.ts';
import { chromiumLaunchOptions } from '../tools/chromium.ts';
import { percentile, printTable } from './stats.ts';

const COUNT = Number(process.env.BENCH_CONTACTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

// A private build, so a concurrent `npm run build` elsewhere cannot swap files under the benchmark.
const outDir = await mkdtemp(join(tmpdir(), 'sent-bench-export-'));
console.log('Building the console…');
await buildApp(outDir);

console.log(`Seeding ${COUNT.toLocaleString('en')} contacts into one profile…`);
const api = createEmbeddedApi({
  rateLimit: false,
  contactsPerProfile: 100,
  extraOwners: [
    {
      id: DEMO_IDS.ventures,
      salt: 2002,
      count: COUNT,
      regions: [
        ['US', 40],
        ['GB', 20],
        ['DE', 15],
        ['IN', 15],
        ['BR', 10],
      ],
    },
  ],
});
await api.ready;
const server = await startAppServer({ distDir: outDir, api, apiKey: 'sk_test_org_demo' });
const browser = await chromium.launch(chromiumLaunchOptions);

/** Samples the page's used JS heap every 20 ms until stopped; returns the peak. */
function sampleHeap(cdp: CDPSession): () => Promise<number> {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      peak = Math.max(peak, used);
      await new Promise((done) => setTimeout(done, 20));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return peak;
  };
}

async function heapNow(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

const countRows = (csv: string) => csv.split('\r\n').length - 2; // minus header and the final empty piece

async function exportOnce(sink: 'download' | 'stream') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page: Page = await context.newPage();
  if (sink === 'download') {
    await page.addInitScript(() =>
      Object.defineProperty(globalThis, 'showSaveFilePicker', { value: undefined, configurable: true }),
    );
  } else {
    // String, not a function: tsx would inject helpers (__name) that do not exist in the page.
    await page.addInitScript(`Object.defineProperty(globalThis, 'showSaveFilePicker', {
      configurable: true,
      value: async () => (await navigator.storage.getDirectory()).getFileHandle('bench.csv', { create: true }),
    });`);
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${server.url}/?profile=${DEMO_IDS.ventures}`);
  await page.locator('tbody tr.row-link').first().waitFor();
  const button = page.getByRole('button', { name: 'Export CSV' });
  await button.hover(); // what a user does: the dialog chunk loads on hover
  await page.waitForLoadState('networkidle');
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Export contacts' });
  const start = dialog.getByRole('button', { name: /^Export [\d,]+ rows$/ });
  await start.waitFor();
  const baseline = await heapNow(cdp);

  const stop = sampleHeap(cdp);
  const download = sink === 'download' ? page.waitForEvent('download', { timeout: 300_000 }) : null;
  const started = performance.now();
  await start.click();
  await dialog.getByText(/^Exported [\d,]+ contacts$/).waitFor({ timeout: 300_000 });
  const seconds = (performance.now() - started) / 1000;
  const peak = await stop();
  // After a GC: anything still held here would be retained by the export (only the done dialog should be).
  const after = await heapNow(cdp);

  const csv =
    sink === 'download'
      ? await readFile((await (await download)?.path()) ?? '', 'utf8')
      : await page.evaluate(
          `navigator.storage.getDirectory().then((d) => d.getFileHandle('bench.csv')).then((h) => h.getFile()).then((f) => f.text())`,
        );
  const rows = countRows(String(csv));
  const bytes = Buffer.byteLength(String(csv));
  await context.close();
  return { sink, rows, seconds, rate: rows / seconds, baseline, peak, after, bytes };
}

try {
  await exportOnce('download'); // warm-up: JIT, SQLite page cache
  // Alternate the sinks so drift (and other load on the machine) hits both alike; report medians.
  const runs: Awaited<ReturnType<typeof exportOnce>>[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await exportOnce('download'), await exportOnce('stream'));
  console.log(
    `\nExport CSV of ${COUNT.toLocaleString('en')} matching contacts, built console, headless Chromium, ` +
      `${RUNS} runs per sink (load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores):\n`,
  );
  printTable(
    [
      'sink',
      'rows',
      'median time',
      'rows/s median (best)',
      'target',
      'JS heap before',
      'peak JS heap',
      'after GC',
      'file',
    ],
    (['download', 'stream'] as const).map((sink) => {
      const mine = runs.filter((r) => r.sink === sink);
      const rates = mine.map((r) => r.rate);
      const rate = percentile(rates, 50);
      return [
        sink === 'download' ? 'Blob parts + download' : 'File System Access stream',
        mine.map((r) => r.rows.toLocaleString('en')).join(' / '),
        `${percentile(
          mine.map((r) => r.seconds),
          50,
        ).toFixed(2)} s`,
        `${Math.round(rate).toLocaleString('en')} (${Math.round(Math.max(...rates)).toLocaleString('en')})`,
        `≥ 20,000 ${rate >= 20_000 ? 'ok' : 'UNDER'}`,
        mb(Math.max(...mine.map((r) => r.baseline))),
        mb(Math.max(...mine.map((r) => r.peak))),
        mb(Math.max(...mine.map((r) => r.after))),
        mb(mine[0]?.bytes ?? 0),
      ];
    }),
  );
  console.log(
    '\nJS heap = CDP Performance.getMetrics JSHeapUsedSize (peak: highest sample, every 20 ms during the',
  );
  console.log('export, so it includes garbage not yet collected; before/after: right after a forced GC).');
} finally {
  await browser.close();
  await server.close();
  api.close();
  await rm(outDir, { recursive: true, force: true });
}
