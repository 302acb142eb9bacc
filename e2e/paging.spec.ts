import { apiList, expect, rangeText, rows, test, visibleNumbers } from './support/fixtures';

test('pages with next/previous/first/last and changes the page size', async ({ page }) => {
  const { pagination } = await apiList(page, {});
  const total = pagination.total_count;
  await page.goto('/');
  await expect(rows(page)).toHaveCount(20);
  await expect(page.locator('.range')).toHaveText(rangeText(1, 20, total));
  const first = await visibleNumbers(page);

  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/\?page=2$/);
  await expect(page.locator('.range')).toHaveText(rangeText(2, 20, total));
  const second = await visibleNumbers(page);
  expect(second).toHaveLength(20);
  expect(second.filter((n) => first.includes(n))).toEqual([]);
  expect(second).toEqual((await apiList(page, { page: 2 })).contacts.map((c) => c.format_international));

  await page.getByRole('link', { name: 'Previous page' }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(await visibleNumbers(page)).toEqual(first);

  await page.getByLabel('Rows per page').selectOption('50');
  await expect(page).toHaveURL(/\?page_size=50$/);
  await expect(rows(page)).toHaveCount(50);
  await expect(page.locator('.range')).toHaveText(rangeText(1, 50, total));

  const lastPage = Math.ceil(total / 50);
  await page.getByRole('link', { name: 'Last page' }).click();
  await expect(page).toHaveURL(new RegExp(`page_size=50&page=${lastPage}$`));
  await expect(page.locator('.range')).toHaveText(rangeText(lastPage, 50, total));
  await expect(page.getByRole('link', { name: 'Next page' })).toBeDisabled();

  await page.getByRole('link', { name: 'First page' }).click();
  await expect(page).toHaveURL(/\?page_size=50$/);
  await expect(page.getByRole('link', { name: 'Previous page' })).toBeDisabled();
});

test('changing the page size from a later page goes back to page 1', async ({ page }) => {
  await page.goto('/?page=4');
  await expect(page.getByLabel('Go to page')).toHaveValue('4');
  await page.getByLabel('Rows per page').selectOption('10');
  await expect(page).toHaveURL(/\?page_size=10$/);
  await expect(rows(page)).toHaveCount(10);
});

test('go to page N, clamped to the last page', async ({ page }) => {
  const total = (await apiList(page, {})).pagination.total_count;
  const last = Math.ceil(total / 20);
  await page.goto('/');
  const box = page.getByLabel('Go to page');
  await box.fill('7');
  await box.press('Enter');
  await expect(page).toHaveURL(/\?page=7$/);
  await expect(page.locator('.range')).toHaveText(rangeText(7, 20, total));

  await box.fill('99999');
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`\\?page=${last}$`));
  await expect(box).toHaveValue(String(last));
});

test('next page is prefetched and shows without a new request', async ({ page, contactRequests }) => {
  await page.goto('/');
  await visibleNumbers(page);
  // The prefetch of page 2 goes out once page 1 is real.
  await expect.poll(() => contactRequests.some((url) => url.searchParams.get('page') === '2')).toBe(true);
  const before = contactRequests.length;
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page.locator('table.table:not(.table-stale)')).toBeVisible();
  await expect(page.locator('.range')).toContainText('21–40');
  // Page 3 gets prefetched next, but page 2 itself is never fetched again.
  expect(contactRequests.slice(before).filter((url) => url.searchParams.get('page') === '2')).toEqual([]);
});

test('back and forward walk through page and filter changes', async ({ page }) => {
  await page.goto('/');
  await visibleNumbers(page);
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/\?page=2$/);
  await page.getByRole('button', { name: 'SMS', exact: true }).click();
  await expect(page).toHaveURL(/\?channel=sms$/);
  await visibleNumbers(page);

  await page.goBack();
  await expect(page).toHaveURL(/\?page=2$/);
  await expect(page.getByRole('button', { name: 'All channels' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Go to page')).toHaveValue('2');

  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByLabel('Go to page')).toHaveValue('1');

  await page.goForward();
  await expect(page).toHaveURL(/\?page=2$/);
  await page.goForward();
  await expect(page).toHaveURL(/\?channel=sms$/);
  await expect(page.getByRole('button', { name: 'SMS', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('bad URL parameters fall back to defaults and are cleaned from the address bar', async ({ page }) => {
  const total = (await apiList(page, {})).pagination.total_count;
  await page.goto('/?page=-3&page_size=9999&channel=fax&profile=not-a-uuid&phone=call-me&search=');
  await expect(page.locator('.range')).toHaveText(rangeText(1, 20, total));
  await expect(page).toHaveURL(/\/$/);

  await page.goto('/?page=abc&page_size=50&channel=whatsapp&page=2');
  await expect(page).toHaveURL(/\?channel=whatsapp&page_size=50$/);
  await expect(rows(page).first()).toBeVisible();
});

test('a page past the end is clamped to the last page', async ({ page }) => {
  const total = (await apiList(page, {})).pagination.total_count;
  const last = Math.ceil(total / 20);
  await page.goto('/?page=5000');
  await expect(page).toHaveURL(new RegExp(`\\?page=${last}$`));
  await expect(page.locator('.range')).toHaveText(rangeText(last, 20, total));
});
