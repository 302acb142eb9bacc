// The first screen is HTML long before React takes over (seconds on a slow machine or network). An action
// taken in that window must not be lost nor done twice: it completes as a plain navigation, and the app
// that then starts does not repeat it.
import type { Page, Request } from '@playwright/test';
import { holdAppScripts } from '../server/testing/hold-app-scripts.ts';
import { apiList, expect, test, visibleNumbers } from './support/fixtures';

interface EarlyPage {
  page: Page;
  /** Lets the app's scripts load (they are held back until then). */
  release: () => void;
  documents: URL[];
  /** API requests the browser itself made (the server's own never show here). */
  apiRequests: URL[];
}

/**
 * A new page of the test's context whose app entry script is held back, so the test acts on the server's
 * HTML before hydration. (The fixture's own page waits for hydration on every goto.)
 */
async function earlyPage(page: Page): Promise<EarlyPage> {
  const early = await page.context().newPage();
  const release = await holdAppScripts(early);
  const documents: URL[] = [];
  const apiRequests: URL[] = [];
  const problems: string[] = [];
  early.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (request.resourceType() === 'document') documents.push(url);
    else if (url.pathname.startsWith('/v3/')) apiRequests.push(url);
  });
  early.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  early.on('pageerror', (error) => problems.push(error.message));
  // Checked when the test ends, as the fixture does for its own page.
  afterChecks.push(() => expect(problems, 'console errors on the early page').toEqual([]));
  return { page: early, release, documents, apiRequests };
}

const afterChecks: (() => void)[] = [];
test.afterEach(() => {
  for (const check of afterChecks.splice(0)) check();
});

const hydrated = (page: Page) => page.locator('html[data-ready]').waitFor({ state: 'attached' });

test('Enter in the lookup before hydration looks the number up once and opens the contact', async ({
  page,
}) => {
  const us = (await apiList(page, { page_size: 100 })).contacts.find((c) => c.region_code === 'US');
  if (!us) throw new Error('demo data lacks US contacts');
  const early = await earlyPage(page);
  await early.page.goto('/', { waitUntil: 'commit' });
  const input = early.page.getByRole('textbox', { name: 'Look up a phone number' });
  await input.fill(us.format_national);
  await input.press('Enter');
  // The plain form went to the server, which normalised the number with the form's region and found it.
  await expect(early.page.getByRole('heading', { name: us.format_international })).toBeVisible();
  expect(await early.page.locator('html[data-ready]').count()).toBe(0);

  early.release();
  await hydrated(early.page);
  await expect(early.page).toHaveURL(new RegExp(`/contacts/${us.id}$`));
  await expect(early.page.getByRole('heading', { level: 1 })).toHaveText(us.format_international);
  const lookups = early.documents.filter((url) => url.searchParams.has('phone'));
  expect(lookups.map((url) => url.searchParams.get('region'))).toEqual(['US']);
  expect(early.documents).toHaveLength(2); // the list, then the one lookup
  // After hydration the browser neither repeats the lookup nor fetches the contact it already has.
  expect(
    early.apiRequests.filter((url) => url.pathname === '/v3/contacts' || url.pathname.endsWith(us.id)),
  ).toEqual([]);
});

test('Next before hydration goes to page 2 once, and the app takes over there', async ({ page }) => {
  const page2 = (await apiList(page, { page: 2 })).contacts.map((c) => c.format_international);
  const early = await earlyPage(page);
  await early.page.goto('/', { waitUntil: 'commit' });
  await early.page.getByRole('link', { name: 'Next page' }).click();
  await expect(early.page).toHaveURL(/\/\?page=2$/);
  expect(await visibleNumbers(early.page)).toEqual(page2);
  expect(await early.page.locator('html[data-ready]').count()).toBe(0);

  early.release();
  await hydrated(early.page);
  expect(early.documents.map((url) => url.search)).toEqual(['', '?page=2']);
  // Page 2 came with the HTML: the browser never asks for it (page 3 may be prefetched).
  expect(
    early.apiRequests
      .filter((url) => url.pathname === '/v3/contacts')
      .map((url) => url.searchParams.get('page')),
  ).not.toContain('2');
  // And it is the app now: Next is a client-side navigation (no new document).
  await early.page.getByRole('link', { name: 'Next page' }).click();
  await expect(early.page).toHaveURL(/\/\?page=3$/);
  await visibleNumbers(early.page);
  expect(early.documents).toHaveLength(2);
});
