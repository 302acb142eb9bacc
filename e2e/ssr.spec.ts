import type { Browser } from '@playwright/test';
import { holdAppScripts } from '../server/testing/hold-app-scripts.ts';
import {
  apiList,
  clientRendered,
  expect,
  PROFILE_US,
  rangeText,
  rows,
  test,
  visibleNumbers,
} from './support/fixtures';

/** A page with JavaScript off: whatever it shows came from the server's HTML. */
async function htmlOnly(browser: Browser, baseURL: string | undefined, cookies: Record<string, string> = {}) {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  await context.addCookies(
    Object.entries(cookies).map(([name, value]) => ({
      name,
      value: encodeURIComponent(value),
      url: baseURL,
    })),
  );
  return { page: await context.newPage(), close: () => context.close() };
}

/**
 * Every element with its classes, ARIA/data attributes, link, disabled state and own text: what a user or a
 * screen reader gets. Leaves out what legitimately differs between the two renders' serialisations
 * (useId values, attribute order, the `selected` attribute vs property, text separators), and aria-disabled on
 * controls (not links): the server marks those that wait for JavaScript (components/useDisabledUntilHydrated).
 * The lookup's region list too: the server lists every region (a form without JavaScript needs them, issue 21),
 * a browser render fills it (with calling codes) when the select is first used; its options are left out.
 */
function describeTree(root: Element): string[] {
  const kept = /^(class|aria-.*|data-.*|href|disabled|role|tabindex|title)$/;
  const regionChoices = new Set(root.querySelectorAll('select[name="region"] option'));
  const elements = [root, ...root.querySelectorAll('*')].filter((element) => !regionChoices.has(element));
  return elements.map((element) => {
    const attributes = [...element.attributes]
      .filter((attribute) => kept.test(attribute.name))
      .filter((attribute) => attribute.name !== 'aria-disabled' || element.tagName === 'A')
      .map((attribute) => `${attribute.name}=${attribute.value}`)
      .sort();
    const text = [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent ?? '')
      .join('')
      .trim();
    return `${element.tagName} ${attributes.join(' ')} ${text}`;
  });
}

test('the first screen arrives rendered: rows, totals and pager are in the HTML', async ({
  page,
  browser,
  baseURL,
}) => {
  const expected = await apiList(page, { page: 2, page_size: 10, channel: 'sms' });
  const noJs = await htmlOnly(browser, baseURL);
  try {
    await noJs.page.goto('/?page=2&page_size=10&channel=sms');
    const numbers = await noJs.page.locator('tbody tr.row-link th[data-col="number"]').allInnerTexts();
    expect(numbers).toEqual(expected.contacts.map((c) => c.format_international));
    await expect(noJs.page.locator('.range')).toHaveText(rangeText(2, 10, expected.pagination.total_count));
    await expect(noJs.page.getByRole('combobox', { name: 'Profile' })).toBeVisible();
  } finally {
    await noJs.close();
  }
});

test('the browser takes over the rendered page without asking for its data again', async ({
  page,
  contactRequests,
}) => {
  await page.goto('/');
  const first = await visibleNumbers(page);
  // Hydrated: client-side navigation works, and page 1 was never requested by the browser.
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/\?page=2$/);
  expect((await visibleNumbers(page))[0]).not.toBe(first[0]);
  // Nothing is left looking busy: the server rendered the settled state the browser computes too.
  await expect(page.locator('.progress')).not.toHaveClass(/progress-active/);
  const pagesRequested = contactRequests.map((url) => url.searchParams.get('page'));
  expect(pagesRequested).not.toContain('1');
  expect(pagesRequested).toContain('2');
});

test.describe('in UTC', () => {
  test.use({ timezoneId: 'UTC' });
  // Hydration leaves attributes the server got wrong in place without a word in production builds, so
  // compare the two renders directly: the HTML with JavaScript off, and a browser-only render. One test a
  // screen: each renders twice in two browsers.
  const screens: Record<string, (inheritedId: string) => string> = {
    'a later page': () => '/?page=3&page_size=10',
    "a profile's channel filter": () => `/?profile=${PROFILE_US}&channel=whatsapp`,
    'an inherited contact': (id) => `/contacts/${id}?profile=${PROFILE_US}`,
  };
  for (const [screen, pathFor] of Object.entries(screens)) {
    test(`the server renders the same markup the browser renders by itself: ${screen}`, async ({
      page,
      browser,
      baseURL,
    }) => {
      const { contacts } = await apiList(page, {}, PROFILE_US);
      const path = pathFor(contacts.find((c) => c.is_inherited)?.id ?? '');
      await clientRendered(page);
      const noJs = await htmlOnly(browser, baseURL);
      await noJs.page.goto(path);
      const server = await noJs.page.locator('main').evaluate(describeTree);
      await noJs.close();
      await page.goto(path);
      // Settled: nothing loading, no skeleton, no stale rows.
      await expect(page.locator('[aria-busy="true"], .skeleton, .table-stale, .progress-active')).toHaveCount(
        0,
      );
      await expect(page.locator('h1')).toBeVisible();
      expect(server.length).toBeGreaterThan(40);
      expect(await page.locator('main').evaluate(describeTree)).toEqual(server);
    });
  }
});

test('preferences stored in this browser are already applied in the HTML', async ({
  page,
  browser,
  baseURL,
}) => {
  const { contacts } = await apiList(page, {});
  const layout = JSON.stringify({ hidden: ['created'], density: 'compact' });
  const noJs = await htmlOnly(browser, baseURL, { sent_privacy: 'on', sent_layout: layout });
  try {
    await noJs.page.goto('/');
    await expect(rows(noJs.page)).toHaveCount(20);
    // What is on screen (privacy mode is a mask for screen sharing; the data itself is on the page anyway).
    const shown = (await noJs.page.locator('#root').textContent()) ?? '';
    expect(shown).toContain('Contacts');
    expect(contacts.filter((c) => shown.includes(c.format_international))).toEqual([]);
    await expect(noJs.page.locator('tbody th[data-col="number"]').first()).toContainText('•');
    await expect(noJs.page.locator('thead th')).toHaveCount(6);
    await expect(noJs.page.locator('table.table')).toHaveClass(/table-compact/);
  } finally {
    await noJs.close();
  }
});

test.describe('far from UTC', () => {
  test.use({ timezoneId: 'Pacific/Kiritimati' });
  test('dates render in UTC on the server and switch to the browser time zone without a mismatch', async ({
    page,
  }) => {
    const { contacts } = await apiList(page, {});
    const inZone = (timeZone: string) =>
      new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone });
    const expected = contacts.map((c) => inZone('Pacific/Kiritimati').format(new Date(c.created_at)));
    const utc = contacts.map((c) => inZone('UTC').format(new Date(c.created_at)));
    expect(expected).not.toEqual(utc); // otherwise this test could not tell the two apart
    await page.goto('/');
    await visibleNumbers(page);
    await expect(page.locator('tbody tr.row-link td[data-col="created"]')).toHaveText(expected);
  });
});

test('what is typed before React takes over is kept, and the search runs', async ({ page }) => {
  // A fresh page of the same context (the fixture's goto waits for React, which this test must not).
  const early = await page.context().newPage();
  // Hold the app's JS back until the typing is done.
  const release = await holdAppScripts(early);
  await early.goto('/', { waitUntil: 'commit' });
  await early.locator('#contact-search').pressSequentially('447');
  await early.getByRole('textbox', { name: 'Look up a phone number' }).pressSequentially('+44 20 7946 0958');
  expect(await early.locator('html[data-ready]').count()).toBe(0); // typed before hydration
  release();
  await early.locator('html[data-ready]').waitFor({ state: 'attached' });
  await expect(early).toHaveURL(/\?search=447$/);
  await expect(early.locator('#contact-search')).toHaveValue('447');
  await expect(early.getByRole('textbox', { name: 'Look up a phone number' })).toHaveValue(
    '+44 20 7946 0958',
  );
  await early.close();
});
