import type { Browser } from '@playwright/test';
import { apiList, expect, rangeText, rows, test, visibleNumbers } from './support/fixtures';

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
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/\?page=2$/);
  expect((await visibleNumbers(page))[0]).not.toBe(first[0]);
  const pagesRequested = contactRequests.map((url) => url.searchParams.get('page'));
  expect(pagesRequested).not.toContain('1');
  expect(pagesRequested).toContain('2');
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
