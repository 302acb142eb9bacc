/**
 * `npm run bench:ui`: time to first rows of the built console vs a bare HTML page that fetches the same
 * JSON and writes the same rows, in headless Chromium over loopback, several cold runs each (fresh browser
 * context = empty HTTP cache). Also measures how fast the next page shows after it was prefetched, and a
 * lookup sent with Enter before the app has taken over (./ui-early-lookup.ts).
 * Prints medians and ratios against the targets; asserts nothing (benchmarks are not tests).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createEmbeddedApi } from '../api/server.ts';
import { startAppServer } from '../testing/app-server.ts';
import { buildIfStale } from '../tools/build-if-stale.ts';
import { chromiumLaunchOptions } from '../tools/chromium.ts';
import { percentile, printTable } from './stats.ts';
import { type EarlyLookup, earlyLookup, usNationalNumber } from './ui-early-lookup.ts';
import { BARE_PAGE, FIRST_ROWS_PROBE, NEXT_PAGE_PROBE } from './ui-pages.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const DIST = 'dist';

await buildIfStale(DIST);
// Serve a private copy: `npm start` or another run may rebuild dist/ while the benchmark is reading it.
const served = mkdtempSync(join(tmpdir(), 'sent-bench-ui-'));
cpSync(DIST, served, { recursive: true });

const api = createEmbeddedApi({ rateLimit: false });
await api.ready;
const server = await startAppServer({
  distDir: served,
  api,
  apiKey: 'sk_test_org_demo',
  pages: { '/__bare': BARE_PAGE },
});
/** The same, behind an API that takes API_LATENCY_MS to answer, like a distant real one. */
const API_LATENCY_MS = 300;
const slowServer = await startAppServer({
  distDir: served,
  api: {
    fetch: async (request) => {
      await new Promise((resolve) => setTimeout(resolve, API_LATENCY_MS));
      return api.fetch(request);
    },
  },
  apiKey: 'sk_test_org_demo',
  pages: { '/__bare': BARE_PAGE },
});
const browser = await chromium.launch(chromiumLaunchOptions);

/**
 * Cold: a fresh browser context (empty HTTP and code caches), the first visit of a new user.
 * Warm: the same context loads the page a few times first, so the assets and V8's code cache are hot,
 * like any later visit; the API answer itself is never cached (the app and the bare page both refetch).
 */
interface Visit {
  warm?: boolean;
  /** The app without server rendering (the plain shell; the browser fetches and renders), for comparison. */
  clientOnly?: boolean;
  base?: string;
  /** Collects when the page was ready for input (html[data-ready]). */
  ready?: number[];
}

async function firstRows(path: string, visit: Visit = {}): Promise<number> {
  const { warm = false, clientOnly = false, base = server.url, ready } = visit;
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    extraHTTPHeaders: clientOnly ? { 'x-test-ssr': 'off' } : {},
  });
  const page = await context.newPage();
  await page.addInitScript(FIRST_ROWS_PROBE);
  for (let n = 0; n < (warm ? 3 : 0); n++) {
    await page.goto(`${base}${path}`);
    await page.waitForFunction(() => (globalThis as { __firstRows?: number }).__firstRows);
  }
  await page.goto(`${base}${path}`);
  const time = (
    await page.waitForFunction(() => (globalThis as { __firstRows?: number }).__firstRows)
  ).jsonValue();
  const value = Number(await time);
  if (ready) {
    const at = await page.waitForFunction(() => (globalThis as { __ready?: number }).__ready);
    ready.push(Number(await at.jsonValue()));
  }
  await context.close();
  return value;
}

const interactive = { app: [] as number[], clientOnly: [] as number[] };
const slow = { app: [] as number[], bare: [] as number[], clientOnly: [] as number[] };
const slowReady = { app: [] as number[], clientOnly: [] as number[] };

function summarise(label: string, app: number[], bare: number[], clientOnly: number[]): void {
  const appMedian = percentile(app, 50);
  const bareMedian = percentile(bare, 50);
  const row = (name: string, samples: number[]) => [
    name,
    `${percentile(samples, 50).toFixed(1)} ms`,
    `${percentile(samples, 10).toFixed(1)} ms`,
    `${percentile(samples, 90).toFixed(1)} ms`,
  ];
  console.log(
    `\nTime to first rows, ${label}, ${app.length} runs each (headless Chromium, loopback, embedded API):\n`,
  );
  printTable(
    ['page', 'median', 'p10', 'p90'],
    [
      row('console (gateway, server-rendered)', app),
      row('bare HTML + fetch', bare),
      row('console, browser rendering only', clientOnly),
    ],
  );
  const ratio = appMedian / bareMedian;
  console.log(
    `ratio console / bare: ${ratio.toFixed(2)}× (target ≤ 1.5×) ${ratio <= 1.5 ? 'ok' : 'OVER TARGET'}; ` +
      `browser rendering only: ${(percentile(clientOnly, 50) / bareMedian).toFixed(2)}×`,
  );
}

/** Clicks Next once page 2 is prefetched; measures click → new rows in the DOM, in ms and frames. */
async function nextPage(): Promise<{ ms: number; frames: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const prefetched = page.waitForResponse((r) => r.url().includes('/v3/contacts?page=2'));
  await page.goto(server.url);
  await page.locator('tbody tr.row-link').first().waitFor();
  await prefetched;
  await page.waitForTimeout(50);
  // A string, not a function: tsx would inject helpers (__name) that do not exist in the page.
  const result = (await page.evaluate(NEXT_PAGE_PROBE)) as { ms: number; frames: number };
  await context.close();
  return result;
}

try {
  // Warm-up (JIT, disk cache of the server process), then alternate so drift hits both sides alike.
  await firstRows('/');
  await firstRows('/__bare');
  const cold = { app: [] as number[], bare: [] as number[], clientOnly: [] as number[] };
  const warm = { app: [] as number[], bare: [] as number[], clientOnly: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    cold.app.push(await firstRows('/', { ready: interactive.app }));
    cold.bare.push(await firstRows('/__bare'));
    cold.clientOnly.push(await firstRows('/', { clientOnly: true, ready: interactive.clientOnly }));
  }
  for (let i = 0; i < Math.ceil(RUNS / 2); i++) {
    warm.app.push(await firstRows('/', { warm: true }));
    warm.bare.push(await firstRows('/__bare', { warm: true }));
    warm.clientOnly.push(await firstRows('/', { warm: true, clientOnly: true }));
  }
  const base = slowServer.url;
  for (let i = 0; i < Math.ceil(RUNS / 2); i++) {
    slow.app.push(await firstRows('/', { base, ready: slowReady.app }));
    slow.bare.push(await firstRows('/__bare', { base }));
    slow.clientOnly.push(await firstRows('/', { base, clientOnly: true, ready: slowReady.clientOnly }));
  }
  const next: { ms: number; frames: number }[] = [];
  for (let i = 0; i < 5; i++) next.push(await nextPage());
  const number = await usNationalNumber(server.url);
  const early: EarlyLookup[] = [];
  for (let i = 0; i < Math.ceil(RUNS / 2); i++) early.push(await earlyLookup(browser, server.url, number));

  summarise('cold (first visit)', cold.app, cold.bare, cold.clientOnly);
  summarise('warm (repeat visit, cached assets)', warm.app, warm.bare, warm.clientOnly);
  const readyLine = (label: string, ready: { app: number[]; clientOnly: number[] }) =>
    console.log(
      `\nready for input, ${label} (html[data-ready]): server-rendered ${percentile(ready.app, 50).toFixed(1)} ms, ` +
        `browser rendering only ${percentile(ready.clientOnly, 50).toFixed(1)} ms`,
    );
  readyLine('cold', interactive);
  summarise(`cold, API answering in ${API_LATENCY_MS} ms`, slow.app, slow.bare, slow.clientOnly);
  readyLine(`cold, API answering in ${API_LATENCY_MS} ms`, slowReady);
  console.log('');
  const nextMs = percentile(
    next.map((n) => n.ms),
    50,
  );
  const nextFrames = percentile(
    next.map((n) => n.frames),
    50,
  );
  console.log(
    `lookup with Enter before hydration ("${number}", ${early.length} cold runs), from the first rows on ` +
      `screen: contact shown after median ${percentile(
        early.map((e) => e.shown),
        50,
      ).toFixed(1)} ms (server-rendered answer), its page open after ${percentile(
        early.map((e) => e.contact),
        50,
      ).toFixed(1)} ms (app hydrated)`,
  );
  console.log(
    `next page after prefetch: median ${nextMs.toFixed(1)} ms, ${nextFrames} frame(s) after the click (target ≤ 1 frame) ${nextFrames <= 1 ? 'ok' : 'OVER TARGET'}`,
  );
} finally {
  await browser.close();
  await server.close();
  await slowServer.close();
  api.close();
  rmSync(served, { recursive: true, force: true });
}
