import { apiList, expect, test, visibleNumbers } from './support/fixtures';

async function lookUp(page: import('@playwright/test').Page, text: string, region?: string) {
  const input = page.getByLabel('Look up a phone number');
  if (region) {
    await input.focus(); // loads the region list
    await page.getByLabel('Default region for numbers without a country code').selectOption(region);
  }
  await input.fill(text);
  await page.getByRole('button', { name: 'Look up' }).click();
}

test('a hit in international format opens the contact', async ({ page }) => {
  const [contact] = (await apiList(page, { page_size: 1 })).contacts;
  if (!contact) throw new Error('no demo contacts');
  await page.goto('/');
  await visibleNumbers(page);
  await lookUp(page, contact.format_international);
  await expect(page).toHaveURL(new RegExp(`/contacts/${contact.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(contact.format_international);
});

test("a pasted tel: URI, such as the API's own format_rfc, opens the contact", async ({ page }) => {
  const [contact] = (await apiList(page, { page_size: 1 })).contacts;
  if (!contact) throw new Error('no demo contacts');
  const { format_rfc: rfc } = (await (await page.request.get(`/v3/contacts/${contact.id}`)).json()).data;
  expect(rfc).toMatch(/^tel:\+\d+(-\d+)+$/);
  await page.goto('/');
  await visibleNumbers(page);
  await lookUp(page, `${rfc};ext=12`);
  await expect(page).toHaveURL(new RegExp(`/contacts/${contact.id}$`));
});

test('national and 00-prefixed formats are normalised with the chosen region', async ({ page }) => {
  const { contacts } = await apiList(page, { page_size: 100 });
  const us = contacts.find((c) => c.region_code === 'US');
  const gb = contacts.find((c) => c.region_code === 'GB');
  if (!us || !gb) throw new Error('demo data lacks US or GB contacts');

  await page.goto('/');
  await visibleNumbers(page);
  await lookUp(page, us.format_national, 'US');
  await expect(page).toHaveURL(new RegExp(`/contacts/${us.id}$`));

  await page.getByRole('link', { name: '← All contacts' }).click();
  await lookUp(page, `00${gb.format_e164.slice(1).replace(/(\d{2})(\d{4})/, '$1 $2 ')}`, 'US');
  await expect(page).toHaveURL(new RegExp(`/contacts/${gb.id}$`));
});

test('a miss says so, with a way back, not an error panel', async ({ page, allowHttpErrors }) => {
  allowHttpErrors(404);
  await page.goto('/');
  await visibleNumbers(page);
  await lookUp(page, '+1 415-555-0100');
  await expect(page).toHaveURL(/\?phone=%2B14155550100$/);
  await expect(page.getByRole('heading', { name: 'No contact with +1 415 555 0100' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('link', { name: '← Back to all contacts' }).click();
  await expect(page).toHaveURL(/\/$/);
  await visibleNumbers(page);
});

test('an invalid number is explained inline and never sent', async ({ page, contactRequests }) => {
  await page.goto('/');
  await visibleNumbers(page);
  for (const [text, reason] of [
    ['12', 'Too few digits'],
    ['call me maybe', 'can only contain digits'],
    ['+999 123 456 789', 'country code does not exist'],
  ] as const) {
    await lookUp(page, text);
    await expect(page.getByRole('alert')).toContainText(reason);
    await expect(page.getByLabel('Look up a phone number')).toHaveAttribute('aria-invalid', 'true');
  }
  expect(contactRequests.filter((url) => url.searchParams.has('phone'))).toEqual([]);
  await expect(page).toHaveURL(/\/$/);
});

test('a number as typed in the URL (the plain form) hydrates as rendered, then the URL turns canonical', async ({
  page,
  contactRequests,
}) => {
  await page.goto('/?phone=(415)%20555-0100&region=US');
  await expect(page.getByRole('heading', { name: 'No contact with +1 415 555 0100' })).toBeVisible();
  await expect(page).toHaveURL(/\/\?phone=%2B14155550100$/);
  await expect(page.getByLabel('Look up a phone number')).toHaveValue('(415) 555-0100');
  // The server looked it up; the browser took its answer over instead of asking again.
  expect(contactRequests.filter((url) => url.searchParams.has('phone'))).toEqual([]);
});
