import { test as base, expect, type Page, type Request } from '@playwright/test';

export const ORG = '7a3d2c10-0000-4000-8000-000000000001';
export const PROFILE_UK = '7a3d2c10-0000-4000-8000-000000000011';
export const PROFILE_US = '7a3d2c10-0000-4000-8000-000000000012';
export const PROFILE_EMPTY = '7a3d2c10-0000-4000-8000-000000000014';

interface Fixtures {
  /** Statuses declared as expected for this test (internal to the fixtures). */
  allowedStatuses: Set<number>;
  /** Statuses a test expects the API to answer with; Chromium logs those as console errors. */
  allowHttpErrors: (...statuses: number[]) => void;
  /** Every /v3/contacts list request the page made, in order (URL objects). */
  contactRequests: URL[];
}

/**
 * Every test fails on any console error or uncaught page error. The one exception is Chromium's own
 * "Failed to load resource: … status of N" line for statuses the test declared as expected.
 */
export const test = base.extend<
  Fixtures & {
    server: 'org' | 'profile' | 'user' | 'bad' | 'v1' | 'oidc' | 'viewer' | 'replicaA' | 'replicaB';
  }
>({
  server: ['org', { option: true }],
  baseURL: async ({ server }, use) => {
    const env = {
      org: 'E2E_URL',
      profile: 'E2E_URL_PROFILE_KEY',
      user: 'E2E_URL_USER_KEY',
      bad: 'E2E_URL_BAD_KEY',
      v1: 'E2E_URL_V1',
      oidc: 'E2E_URL_OIDC',
      viewer: 'E2E_URL_VIEWER',
      replicaA: 'E2E_URL_REPLICA_A',
      replicaB: 'E2E_URL_REPLICA_B',
    }[server];
    const url = process.env[env];
    if (!url) throw new Error(`${env} is not set: run through playwright.config.ts (global setup).`);
    await use(url);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern
  allowedStatuses: async ({}, use) => {
    await use(new Set<number>());
  },
  allowHttpErrors: async ({ allowedStatuses }, use) => {
    await use((...statuses) => {
      for (const status of statuses) allowedStatuses.add(status);
    });
  },
  contactRequests: async ({ page }, use) => {
    const seen: URL[] = [];
    page.on('request', (request: Request) => {
      const url = new URL(request.url());
      if (url.pathname === '/v3/contacts') seen.push(url);
    });
    await use(seen);
  },
  page: async ({ page, allowedStatuses, javaScriptEnabled }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      const http = /Failed to load resource: the server responded with a status of (\d{3})/.exec(text);
      if (http && allowedStatuses.has(Number(http[1]))) return;
      problems.push(`console.error: ${text}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    // Pages arrive server-rendered: wait until React has taken over before a test clicks anything, so that
    // it exercises the app rather than the plain links and forms (html[data-ready], set by App).
    // With JavaScript off there is nothing to wait for: the server's HTML is all there is.
    const ready = async () => {
      if (javaScriptEnabled !== false) await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    };
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (...args) => {
      const response = await goto(...args);
      await ready();
      return response;
    };
    page.reload = async (...args) => {
      const response = await reload(...args);
      await ready();
      return response;
    };
    await use(page);
    expect(problems, 'console errors or uncaught exceptions during the test').toEqual([]);
  },
});

export { expect };

/** Rows currently rendered in the contacts table. */
export function rows(page: Page) {
  return page.locator('tbody tr.row-link');
}

/** Waits for real (non-placeholder) rows and returns the numbers shown, in order. */
export async function visibleNumbers(page: Page): Promise<string[]> {
  await expect(page.locator('table.table:not(.table-stale) tbody tr.row-link').first()).toBeVisible();
  return page.locator('tbody tr.row-link th[data-col="number"]').allInnerTexts();
}

/**
 * Adds x-test-* headers (latency, forced failures) to matching API requests. Pages then load as the plain
 * shell (x-test-ssr: off), so that the first requests are the browser's own and can be slowed or failed.
 */
export async function withTestHeaders(
  page: Page,
  headers: (url: URL) => Record<string, string> | null,
  pattern = '**/v3/**',
) {
  await clientRendered(page);
  await page.route(pattern, async (route) => {
    const extra = headers(new URL(route.request().url()));
    await route.continue(extra ? { headers: { ...route.request().headers(), ...extra } } : undefined);
  });
}

/**
 * Resolves once every request the page had started before this call has been seen by the test: the page sends
 * one more request and waits for its answer, and the browser hands requests on in the order they start. A test
 * that shows "no other request was made" counts after this (and after running its clock past any timer that
 * could still send one), never after a sleep.
 */
export async function requestsSoFarSeen(page: Page): Promise<void> {
  const probe = page.waitForRequest((request) => new URL(request.url()).searchParams.has('probe'));
  await page.evaluate(() => fetch('/v3/me?probe=1').then((response) => response.status));
  await probe;
}

/** Documents are served without server rendering: the browser fetches the first screen itself. */
export async function clientRendered(page: Page) {
  await page.route(
    (url) => url.pathname === '/' || url.pathname.startsWith('/contacts'),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      await route.continue({ headers: { ...route.request().headers(), 'x-test-ssr': 'off' } });
    },
  );
}

interface ApiContact {
  id: string;
  format_e164: string;
  format_international: string;
  format_national: string;
  region_code: string;
  is_inherited: boolean;
  created_at: string;
}

interface ApiPage {
  contacts: ApiContact[];
  pagination: { total_count: number; total_pages: number };
}

/** Asks the API directly (through the same app server) what a list query should show. */
export async function apiList(
  page: Page,
  query: Record<string, string | number>,
  profileId?: string,
): Promise<ApiPage> {
  const qs = new URLSearchParams({ page: '1', page_size: '20' });
  for (const [key, value] of Object.entries(query)) qs.set(key, String(value));
  const response = await page.request.get(`/v3/contacts?${qs}`, {
    headers: profileId ? { 'x-profile-id': profileId } : {},
  });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { data: ApiPage }).data;
}

const fmt = (n: number) => n.toLocaleString('en');

/** The pager summary the console should show, e.g. "21–40 of 1,200 contacts". */
export function rangeText(pageNumber: number, pageSize: number, total: number): string {
  const from = (pageNumber - 1) * pageSize + 1;
  const to = Math.min(pageNumber * pageSize, total);
  return `${fmt(from)}–${fmt(to)} of ${fmt(total)} contacts`;
}
