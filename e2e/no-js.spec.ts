// With JavaScript off, the server-rendered console is a set of links and plain GET forms that the gateway's
// renderer answers: every list control works, and the ones that need JavaScript say so.
import { apiList, expect, PROFILE_UK, rangeText, test, visibleNumbers } from './support/fixtures';

test.use({ javaScriptEnabled: false });

const numbersOf = (page: Awaited<ReturnType<typeof apiList>>) =>
  page.contacts.map((c) => c.format_international);

test('pages through with links and the page box, and changes the page size', async ({ page }) => {
  const first = await apiList(page, {});
  const total = first.pagination.total_count;
  await page.goto('/');
  await expect(page.locator('html')).not.toHaveAttribute('data-ready');
  expect(await visibleNumbers(page)).toEqual(numbersOf(first));

  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/\/\?page=2$/);
  expect(await visibleNumbers(page)).toEqual(numbersOf(await apiList(page, { page: 2 })));
  await expect(page.locator('.range')).toHaveText(rangeText(2, 20, total));

  await page.getByRole('link', { name: 'Last page' }).click();
  await expect(page.getByRole('link', { name: 'Next page' })).toBeDisabled();
  await page.getByRole('link', { name: 'First page' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: 'Previous page' })).toBeDisabled();

  await page.getByLabel('Go to page').fill('4');
  await page.getByLabel('Go to page').press('Enter');
  await expect(page).toHaveURL(/\/\?page=4$/);
  await expect(page.locator('.range')).toHaveText(rangeText(4, 20, total));

  // A select does not submit by itself: before the app runs it has a button.
  await page.getByLabel('Rows per page').selectOption('50');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/\/\?page_size=50$/);
  await expect(page.locator('.range')).toHaveText(rangeText(1, 50, total));
  await expect(page.getByLabel('Go to page')).toHaveValue('1');
});

test('filters by channel and searches, keeping the other settings', async ({ page }) => {
  await page.goto('/?page_size=10&page=3');
  await page.getByRole('button', { name: 'SMS', exact: true }).click();
  await expect(page).toHaveURL(/\/\?page_size=10&channel=sms$/);
  await expect(page.getByRole('button', { name: 'SMS', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(await visibleNumbers(page)).toEqual(
    numbersOf(await apiList(page, { page_size: 10, channel: 'sms' })),
  );

  await page.getByLabel('Search contacts by number').fill('447');
  await page.getByLabel('Search contacts by number').press('Enter');
  await expect(page).toHaveURL(/\/\?channel=sms&page_size=10&search=447$/);
  const expected = await apiList(page, { page_size: 10, channel: 'sms', search: '447' });
  expect(await visibleNumbers(page)).toEqual(numbersOf(expected));
  await expect(page.locator('.page-sub')).toHaveText(
    `${expected.pagination.total_count.toLocaleString('en')} matching`,
  );

  await page.getByRole('button', { name: 'All channels' }).click();
  await expect(page.getByRole('button', { name: 'All channels' })).toHaveAttribute('aria-pressed', 'true');
  expect(await visibleNumbers(page)).toEqual(
    numbersOf(await apiList(page, { page_size: 10, search: '447' })),
  );
});

test.describe('lookup', () => {
  const lookUp = async (page: import('@playwright/test').Page, text: string) => {
    await page.getByLabel('Look up a phone number').fill(text);
    await page.getByLabel('Look up a phone number').press('Enter');
  };

  test('a national number is normalised with the region on the server and shows the contact', async ({
    page,
  }) => {
    const us = (await apiList(page, { page_size: 100 })).contacts.find((c) => c.region_code === 'US');
    if (!us) throw new Error('demo data lacks US contacts');
    await page.goto('/');
    await expect(page.getByLabel('Default region for numbers without a country code')).toHaveValue('US');
    await lookUp(page, us.format_national);
    await expect(page).toHaveURL(/\/\?phone=.+&region=US$/);
    await expect(page.getByRole('heading', { name: us.format_international })).toBeVisible();
    await page.getByRole('link', { name: 'Open contact' }).click();
    await expect(page).toHaveURL(new RegExp(`/contacts/${us.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(us.format_international);
  });

  test('a miss says so, with a way back to the list', async ({ page }) => {
    await page.goto('/?channel=whatsapp');
    await lookUp(page, '+1 415-555-0100');
    await expect(page.getByRole('heading', { name: 'No contact with +1 415 555 0100' })).toBeVisible();
    await page.getByRole('link', { name: '← Back to all contacts' }).click();
    await expect(page).toHaveURL(/\/\?channel=whatsapp$/);
    await visibleNumbers(page);
  });

  test('an invalid number is explained next to what was typed, over the list', async ({ page }) => {
    await page.goto('/');
    for (const [text, reason] of [
      ['12', 'Too few digits'],
      ['call me maybe', 'can only contain digits'],
    ] as const) {
      await lookUp(page, text);
      await expect(page.getByRole('alert')).toContainText(reason);
      await expect(page.getByLabel('Look up a phone number')).toHaveValue(text);
      await expect(page.getByLabel('Look up a phone number')).toHaveAttribute('aria-invalid', 'true');
      await visibleNumbers(page);
    }
  });
});

test('opens a contact from a row and comes back', async ({ page }) => {
  const [contact] = (await apiList(page, { page: 2 })).contacts;
  if (!contact) throw new Error('no demo contacts');
  await page.goto('/?page=2');
  await page.getByRole('link', { name: contact.format_international }).click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${contact.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(contact.format_international);
  await page.getByRole('link', { name: '← All contacts' }).click();
  await expect(page).toHaveURL(/\/$/);
  await visibleNumbers(page);
  // The browser's own Back still returns to the page the contact was opened from.
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/\/\?page=2$/);
});

test('switches profile with the form button, and says what needs JavaScript', async ({ page }) => {
  await page.goto('/?channel=sms&page=2');
  await page.getByLabel('Profile', { exact: true }).selectOption(PROFILE_UK);
  await page.getByRole('button', { name: 'Switch' }).click();
  await expect(page).toHaveURL(new RegExp(`/\\?channel=sms&profile=${PROFILE_UK}$`));
  expect(await visibleNumbers(page)).toEqual(numbersOf(await apiList(page, { channel: 'sms' }, PROFILE_UK)));
  await expect(page.getByLabel('Profile', { exact: true })).toHaveValue(PROFILE_UK);
  await expect(
    page.getByText('privacy mode, table layout, CSV export, editing, adding and removing need it'),
  ).toBeVisible();
  for (const name of ['Privacy', 'Export CSV', 'Layout', 'Add contact', 'Remove by number', 'Select']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeDisabled();
  }
});

test('an error panel from the server retries by asking the server again', async ({ page }) => {
  await page.goto('/contacts/not-a-contact-id');
  const panel = page.getByRole('alert');
  await expect(panel).toContainText('Could not load this contact');
  const again = page.waitForRequest(
    (request) => request.isNavigationRequest() && request.url().endsWith('/contacts/not-a-contact-id?'),
  );
  await panel.getByRole('button', { name: 'Retry' }).click();
  await again;
  await expect(page.getByRole('alert')).toContainText('VALIDATION_003');
});
