/**
 * `npm run bench:import-parse`: the Import screen's parse and check of a 100,000-row CSV in the built console
 * (headless Chromium, embedded API, loopback). The file is generated here: mixed formats (+44…, 0044…,
 * (020)…, national, tel: URIs), some invalid, some duplicates. It goes in through the file input, as a
 * person would choose it. Prints, per run and as medians of BENCH_RUNS runs (default 3): parse time (file
 * chosen → rows in memory, the parse worker), check time (→ every row normalised and classified, on the
 * main thread in slices), rows/s over both, the profile check (→ the profile's numbers read and every row
 * classified again) and the longest main-thread task from the choice to that end (PerformanceObserver
 * 'longtask', which reports tasks of 50 ms or more). Asserts nothing (benchmarks are not tests).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createEmbeddedApi } from '../api/server.ts';
import { startAppServer } from '../testing/app-server.ts';
import { buildApp } from '../tools/build-app.ts';
import { chromiumLaunchOptions } from '../tools/chromium.ts';
import { percentile, printTable } from './stats.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** Row i of the generated file: a UK number in one of five formats; every 20th invalid, every 25th a repeat. */
function cell(i: number): string {
  if (i % 20 === 7) return i % 40 === 7 ? 'n/a' : `+44 20 79${i % 10}`;
  const n = i % 25 === 3 ? i - 3 : i; // a duplicate of an earlier row
  const line = String(n % 10_000).padStart(4, '0');
  const exchange = 7000 + Math.floor(n / 10_000); // (020) 7000–7009: valid London numbers
  switch (n % 5) {
    case 0:
      return `+44 20 ${exchange} ${line}`;
    case 1:
      return `0044 20 ${exchange} ${line}`;
    case 2:
      return `(020) ${exchange} ${line}`;
    case 3:
      return `020${exchange}${line}`;
    default:
      return `tel:+44-20-${exchange}-${line}`;
  }
}

const dir = await mkdtemp(join(tmpdir(), 'sent-bench-import-'));
const file = join(dir, 'contacts.csv');
const lines = ['name,phone,note'];
for (let i = 0; i < ROWS; i++) lines.push(`Person ${i},"${cell(i)}",${i % 3 === 0 ? '"two\nlines"' : ''}`);
await writeFile(file, `\ufeff${lines.join('\r\n')}\r\n`);

const outDir = join(dir, 'dist');
console.log('Building the console…');
await buildApp(outDir);
const api = createEmbeddedApi({ rateLimit: false });
await api.ready;
const server = await startAppServer({ distDir: outDir, api, apiKey: 'sk_test_org_demo' });
const browser = await chromium.launch(chromiumLaunchOptions);

// In the page before it loads: when the file is chosen, when the rows are in (step 2 appears), when the
// check is done (its counts appear), and every long task from the start.
const PROBE = `(() => {
  const marks = (window.__bench = { chosen: 0, parsed: 0, checked: 0, existing: 0, tasks: [] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) marks.tasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'file') marks.chosen = performance.now();
  }, true);
  new MutationObserver(() => {
    if (!marks.parsed && document.querySelector('.import-mapping')) marks.parsed = performance.now();
    if (!marks.checked && document.querySelector('.import-counts')) marks.checked = performance.now();
    if (!marks.existing && document.querySelector('.import-existing:is([data-state="known"], [data-state="skipped"])'))
      marks.existing = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();`;

interface Marks {
  chosen: number;
  parsed: number;
  checked: number;
  existing: number;
  tasks: [number, number][];
}

async function once() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await page.goto(`${server.url}/import`);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await page.getByLabel(/^A file/).setInputFiles(file);
  await page
    .locator('.import-existing:is([data-state="known"], [data-state="skipped"])')
    .waitFor({ timeout: 300_000 });
  const marks = (await page.evaluate('window.__bench')) as Marks;
  const ready = (await page.locator('.import-counts [data-status="ready"] dd').textContent()) ?? '';
  await context.close();
  const during = marks.tasks.filter(([start]) => start >= marks.chosen && start <= marks.existing);
  return {
    parse: marks.parsed - marks.chosen,
    check: marks.checked - marks.parsed,
    existing: marks.existing - marks.checked,
    longest: Math.max(0, ...during.map(([, duration]) => duration)),
    longTasks: during.length,
    ready,
  };
}

try {
  await once(); // warm-up: JIT, the chunks in the HTTP cache
  const runs: Awaited<ReturnType<typeof once>>[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `\nImport screen, ${ROWS.toLocaleString('en')}-row CSV chosen in the file input, built console, headless ` +
      `Chromium (load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores):\n`,
  );
  const row = (label: string, r: (typeof runs)[number]) => [
    label,
    s(r.parse),
    s(r.check),
    Math.round(ROWS / ((r.parse + r.check) / 1000)).toLocaleString('en'),
    s(r.existing),
    r.longest ? `${Math.round(r.longest)} ms` : 'none ≥ 50 ms',
    r.longTasks,
    r.ready,
  ];
  const median = (pick: (r: (typeof runs)[number]) => number) => percentile(runs.map(pick), 50);
  printTable(
    [
      'run',
      'parse (worker)',
      'check (main thread)',
      'rows/s',
      'profile check',
      'longest task',
      'tasks ≥ 50 ms',
      'ready',
    ],
    [
      ...runs.map((r, i) => row(String(i + 1), r)),
      row('median', {
        parse: median((r) => r.parse),
        check: median((r) => r.check),
        existing: median((r) => r.existing),
        longest: median((r) => r.longest),
        longTasks: median((r) => r.longTasks),
        ready: runs[0]?.ready ?? '',
      }),
    ],
  );
} finally {
  await browser.close();
  await server.close();
  api.close();
  await rm(dir, { recursive: true, force: true });
}
