import { apiList, expect, PROFILE_US, rows, test, visibleNumbers } from './support/fixtures';

test('a deep link to a contact shows every field and phone format with copy buttons', async ({ page }) => {
  const [contact] = (await apiList(page, { page: 2, page_size: 1 })).contacts;
  if (!contact) throw new Error('no demo contacts');
  await page.goto(`/contacts/${contact.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(contact.format_international);
  await expect(page).toHaveTitle(`${contact.format_international} · Sent console`);
  for (const label of ['E.164', 'International', 'National', 'RFC 3966', 'As entered', 'Contact ID']) {
    await expect(page.getByRole('button', { name: `Copy ${label}` })).toBeVisible();
  }
  const field = (label: string) =>
    page.locator('.field').filter({ has: page.getByText(label, { exact: true }) });
  await expect(field('National')).toContainText(contact.format_national);
  await expect(field('E.164')).toContainText(contact.format_e164);
  await expect(field('International')).toContainText(contact.format_international);
  for (const heading of ['Phone formats', 'Messaging', 'Record']) {
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  }

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy E.164' }).click();
  await expect(page.getByRole('button', { name: 'Copy E.164' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(contact.format_e164);

  // Without history to go back to, "All contacts" still lands on the list.
  await page.getByRole('link', { name: '← All contacts' }).click();
  await expect(page).toHaveURL(/\/$/);
  await visibleNumbers(page);
});

test('rows open with Tab + Enter, shown from the list cache and asked for once, and Back restores the list', async ({
  page,
}) => {
  await page.goto('/?page=3&channel=sms');
  const numbers = await visibleNumbers(page);
  const detailRequests: string[] = [];
  page.on('request', (request) => {
    if (/\/v3\/contacts\/[^/?]+$/.test(new URL(request.url()).pathname)) detailRequests.push(request.url());
  });

  // Tab from the search box walks the toolbar and reaches the first row.
  await page.getByLabel('Search contacts by number').focus();
  const firstRow = rows(page).first();
  for (let i = 0; i < 10 && !(await firstRow.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(firstRow).toBeFocused();
  const opened = page.waitForResponse((response) =>
    /\/v3\/contacts\/[^/?]+$/.test(new URL(response.url()).pathname),
  );
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(numbers[0] ?? '');
  // The opening is fetched once all the same: that request is what the audit trail records.
  await opened;
  expect(detailRequests).toHaveLength(1);

  await page.getByRole('link', { name: '← All contacts' }).click();
  await expect(page).toHaveURL(/\?channel=sms&page=3$/);
  expect(await visibleNumbers(page)).toEqual(numbers);

  await page.goBack();
  await expect(page).toHaveURL(/\/contacts\//);
  await page.goBack();
  await expect(page).toHaveURL(/\?channel=sms&page=3$/);
});

test('an unknown contact id shows a not-found state', async ({ page, allowHttpErrors }) => {
  allowHttpErrors(404);
  await page.goto('/contacts/00000000-0000-4000-8000-00000000dead');
  await expect(page.getByRole('heading', { name: 'Contact not found' })).toBeVisible();
  await page.getByRole('link', { name: '← All contacts' }).first().click();
  await visibleNumbers(page);
});

test('a deep link keeps the profile: an inherited contact opens under the profile that inherits it', async ({
  page,
}) => {
  const { contacts } = await apiList(page, { page_size: 50 }, PROFILE_US);
  const inherited = contacts.find((c) => c.is_inherited);
  if (!inherited) throw new Error('demo profile has no inherited contacts on its first page');
  await page.goto(`/contacts/${inherited.id}?profile=${PROFILE_US}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(inherited.format_international);
  await expect(page.getByText('Inherited from organization')).toBeVisible();
  await expect(page.getByLabel('Profile', { exact: true })).toHaveValue(PROFILE_US);
  await page.getByRole('link', { name: '← All contacts' }).click();
  await expect(page).toHaveURL(new RegExp(`/\\?profile=${PROFILE_US}$`));
});
