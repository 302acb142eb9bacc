/**
 * `npm run bench:import-parse`: the Import screen's parse and check in the built console (headless Chromium,
 * embedded API, loopback), for the files of ./import-files.ts, each chosen in the file input as a person
 * would: a 100,000-row CSV of mixed formats, a 100,000-contact Google Contacts export (two phone columns,
 * some cells with two numbers) and a 50,000-card vCard file (BENCH_FILES=csv,google,vcard picks; the sizes
 * scale with BENCH_SCALE, default 1). Prints, per file, per run and as medians of BENCH_RUNS runs (default 3):
 * parse time (file chosen → rows in memory, the parse worker), check time (→ every number normalised and
 * classified, on the main thread in slices), numbers checked and per second over both, the profile check
 * (→ the profile's numbers read or skipped, every number classified again) and the longest main-thread task
 * from the choice to that end: by the wall clock (PerformanceObserver 'longtask', which reports tasks of 50 ms
 * or more) and by the CPU the task used (a Chromium trace's thread time, ./main-thread-cpu.ts: what the page's
 * code costs, whatever else the shared machine runs).
 * Asserts nothing (benchmarks are not tests).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createEmbeddedApi } from '../api/server.ts';
import { startAppServer } from '../testing/app-server.ts';
import { buildApp } from '../tools/build-app.ts';
import { chromiumLaunchOptions } from '../tools/chromium.ts';
import { googleCsv, plainCsv, vcards } from './import-files.ts';
import { mainThreadCpuTasks } from './main-thread-cpu.ts';
import { percentile, printTable } from './stats.ts';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WANTED = (process.env.BENCH_FILES ?? 'csv,google,vcard').split(',');
const n = (count: number) => Math.round(count * SCALE);

const FILES = [
  {
    key: 'csv',
    name: 'contacts.csv',
    what: `${n(100_000).toLocaleString('en')}-row CSV`,
    make: () => plainCsv(n(100_000)),
  },
  {
    key: 'google',
    name: 'google-contacts.csv',
    what: `${n(100_000).toLocaleString('en')}-contact Google Contacts CSV`,
    make: () => googleCsv(n(100_000)),
  },
  {
    key: 'vcard',
    name: 'contacts.vcf',
    what: `${n(50_000).toLocaleString('en')}-card vCard 3.0`,
    make: () => vcards(n(50_000)),
  },
].filter((f) => WANTED.includes(f.key));

const dir = await mkdtemp(join(tmpdir(), 'sent-bench-import-'));
for (const f of FILES) await writeFile(join(dir, f.name), f.make());

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

async function once(file: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await page.goto(`${server.url}/import`);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  const cpu = await mainThreadCpuTasks(browser, page, async () => {
    await page.getByLabel(/^A file/).setInputFiles(file);
    await page
      .locator('.import-existing:is([data-state="known"], [data-state="skipped"])')
      .waitFor({ timeout: 300_000 });
  });
  const marks = (await page.evaluate('window.__bench')) as Marks;
  const ready = (await page.locator('.import-counts [data-status="ready"] dd').textContent()) ?? '';
  // "All numbers (148,000)": every number the check made of the file's rows.
  const all = (await page.locator('.import-filter option[value="all"]').textContent()) ?? '';
  const numbers = Number(/\(([\d,]+)\)/.exec(all)?.[1]?.replaceAll(',', '') ?? 0);
  await context.close();
  const during = marks.tasks.filter(([start]) => start >= marks.chosen && start <= marks.existing);
  return {
    parse: marks.parsed - marks.chosen,
    check: marks.checked - marks.parsed,
    existing: marks.existing - marks.checked,
    longest: Math.max(0, ...during.map(([, duration]) => duration)),
    longTasks: during.length,
    longestCpu: Math.max(0, ...cpu),
    cpuOver50: cpu.filter((ms) => ms >= 50).length,
    numbers,
    ready,
  };
}

try {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  type Run = Awaited<ReturnType<typeof once>>;
  const row = (label: string, r: Run) => [
    label,
    s(r.parse),
    s(r.check),
    r.numbers.toLocaleString('en'),
    Math.round(r.numbers / ((r.parse + r.check) / 1000)).toLocaleString('en'),
    s(r.existing),
    r.longest ? `${Math.round(r.longest)} ms` : 'none ≥ 50 ms',
    r.longTasks,
    `${Math.round(r.longestCpu)} ms`,
    r.cpuOver50,
    r.ready,
  ];
  for (const f of FILES) {
    const file = join(dir, f.name);
    await once(file); // warm-up: JIT, the chunks in the HTTP cache
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(file));
    console.log(
      `\nImport screen, ${f.what} chosen in the file input, built console, headless Chromium ` +
        `(load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores):\n`,
    );
    const median = (pick: (r: Run) => number) => percentile(runs.map(pick), 50);
    printTable(
      [
        'run',
        'parse (worker)',
        'check (main thread)',
        'numbers',
        'numbers/s',
        'profile check',
        'longest task',
        'tasks ≥ 50 ms',
        'longest task (CPU)',
        'CPU ≥ 50 ms',
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
          longestCpu: median((r) => r.longestCpu),
          cpuOver50: median((r) => r.cpuOver50),
          numbers: runs[0]?.numbers ?? 0,
          ready: runs[0]?.ready ?? '',
        }),
      ],
    );
  }
} finally {
  await browser.close();
  await server.close();
  api.close();
  await rm(dir, { recursive: true, force: true });
}
