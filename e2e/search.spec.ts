import type { Request } from '@playwright/test';
import { apiList, expect, rangeText, rows, test, visibleNumbers, withTestHeaders } from './support/fixtures';

const searchesOf = (requests: URL[], term: string) =>
  requests.filter((url) => url.searchParams.get('search') === term && url.searchParams.get('page') === '1');

test('search sends exactly one request per settled term and keeps what was typed', async ({
  page,
  contactRequests,
}) => {
  const total44 = (await apiList(page, { search: '44' })).pagination.total_count;
  const total447 = (await apiList(page, { search: '447' })).pagination.total_count;
  // A fake clock makes the debounce deterministic however slow the machine is.
  await page.clock.install();
  await page.goto('/?page=3');
  await visibleNumbers(page);

  const box = page.getByLabel('Search contacts by number');
  // One input event for "44": with a running fake clock a loaded machine could fire the debounce between keys.
  await box.fill('44');
  await page.clock.runFor(250);
  expect(contactRequests.filter((url) => url.searchParams.has('search'))).toEqual([]);
  await page.clock.runFor(100);
  await expect(page).toHaveURL(/\?search=44$/);
  await expect(page.locator('.range')).toHaveText(rangeText(1, 20, total44));

  await box.pressSequentially('7');
  await expect(box).toHaveValue('447');
  await page.clock.runFor(350);
  await expect(page).toHaveURL(/\?search=447$/);
  await expect(page.locator('.range')).toHaveText(rangeText(1, 20, total447));
  await expect(box).toHaveValue('447');

  expect(searchesOf(contactRequests, '4')).toHaveLength(0);
  expect(searchesOf(contactRequests, '44')).toHaveLength(1);
  expect(searchesOf(contactRequests, '447')).toHaveLength(1);
});

test('a slow response for an old term never replaces the newer one', async ({ page }) => {
  const slowTerm = '20';
  const total207 = (await apiList(page, { search: '207' })).pagination.total_count;
  // How the slow request for the old term ended: aborted by the browser, or answered.
  const slowEnded = new Promise<'aborted' | 'answered'>((resolve) => {
    const isSlow = (request: Request) => new URL(request.url()).searchParams.get('search') === slowTerm;
    page.on('requestfailed', (request) => isSlow(request) && resolve('aborted'));
    page.on('requestfinished', (request) => isSlow(request) && resolve('answered'));
  });
  await withTestHeaders(page, (url) =>
    url.searchParams.get('search') === slowTerm ? { 'x-test-latency-ms': '3000' } : null,
  );
  await page.goto('/');
  await visibleNumbers(page);

  const box = page.getByLabel('Search contacts by number');
  await box.fill(slowTerm);
  await expect(page).toHaveURL(/\?search=20$/);
  await box.pressSequentially('7');
  await expect(page).toHaveURL(/\?search=207$/);
  await expect(page.locator('.range')).toHaveText(rangeText(1, 20, total207));

  // Once the old request has ended, the newer result must still be on screen; it must have been aborted
  // (an answer would only have been thrown away, after spending the rate limit).
  const ended = await slowEnded;
  await expect(page.locator('.range')).toHaveText(rangeText(1, 20, total207));
  await expect(box).toHaveValue('207');
  expect(ended).toBe('aborted');
});

test('channel filter shows only contacts on that channel', async ({ page }) => {
  const whatsapp = await apiList(page, { channel: 'whatsapp' });
  await page.goto('/');
  await visibleNumbers(page);
  await page.getByRole('button', { name: 'WhatsApp', exact: true }).click();
  await expect(page).toHaveURL(/\?channel=whatsapp$/);
  await expect(page.locator('.range')).toHaveText(rangeText(1, 20, whatsapp.pagination.total_count));
  expect(await visibleNumbers(page)).toEqual(whatsapp.contacts.map((c) => c.format_international));
  for (const cell of await page.locator('tbody td[data-col="channels"]').allInnerTexts()) {
    expect(cell).toContain('WhatsApp');
  }

  await page.getByRole('button', { name: 'All channels' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('no match offers Clear filters, which restores the full list', async ({ page }) => {
  await page.goto('/?channel=sms');
  await visibleNumbers(page);
  await page.keyboard.press('/');
  const box = page.getByLabel('Search contacts by number');
  await expect(box).toBeFocused();
  await page.keyboard.type('99999999999');
  await expect(page.getByRole('heading', { name: 'No contacts match' })).toBeVisible();
  await page.locator('.empty').getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(box).toHaveValue('');
  await expect(rows(page)).toHaveCount(20);
});

test('starting a search pushes history, refining it replaces; Back undoes the whole search', async ({
  page,
}) => {
  await page.clock.install();
  await page.goto('/');
  await visibleNumbers(page);
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/\?page=2$/);

  const box = page.getByLabel('Search contacts by number');
  // One input event for "44": with a running fake clock a loaded machine could fire the debounce between keys.
  await box.fill('44');
  await page.clock.runFor(350);
  await expect(page).toHaveURL(/\?search=44$/);
  await box.pressSequentially('7');
  await page.clock.runFor(350);
  await expect(page).toHaveURL(/\?search=447$/);

  await page.goBack();
  await expect(page).toHaveURL(/\?page=2$/);
  await expect(box).toHaveValue('');
  await page.goForward();
  await expect(page).toHaveURL(/\?search=447$/);
  await expect(box).toHaveValue('447');
});
