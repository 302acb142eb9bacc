import { apiList, expect, PROFILE_US, rows, test } from './support/fixtures';

// Edits change the shared demo data, so these tests use a profile no other spec reads.
const PROFILE_DE = '7a3d2c10-0000-4000-8000-000000000013';

interface EditableContact {
  id: string;
  format_international: string;
  opt_out: boolean;
  default_channel: string;
  available_channels: string;
}

async function contactsOfDe(page: import('@playwright/test').Page) {
  const { contacts } = await apiList(page, { page: 3, page_size: 10 }, PROFILE_DE);
  return contacts as unknown as EditableContact[];
}

const optOutSwitch = (page: import('@playwright/test').Page) => page.getByRole('switch', { name: 'Opt-out' });

test('opt-out toggles at once in the detail and the cached list, and persists after reload', async ({
  page,
}) => {
  const contact = (await contactsOfDe(page))[0];
  if (!contact) throw new Error('no demo contacts');
  const patches: Record<string, string>[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PATCH') patches.push(request.headers());
  });

  await page.goto(`/?profile=${PROFILE_DE}&page=3&page_size=10`);
  await rows(page).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(contact.format_international);
  const before = contact.opt_out;
  await expect(optOutSwitch(page)).toHaveAttribute('aria-checked', String(before));
  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await optOutSwitch(page).click();
  await expect(optOutSwitch(page)).toHaveAttribute('aria-checked', String(!before));
  expect((await saved).ok()).toBe(true);
  await expect(
    page.getByRole('status').filter({ hasText: before ? 'Opt-out removed' : 'Opted out' }),
  ).toBeVisible();
  expect(patches).toHaveLength(1);
  expect(patches[0]?.['idempotency-key']).toMatch(/^[A-Za-z0-9_-]{16,}$/);
  expect(patches[0]?.['x-profile-id']).toBe(PROFILE_DE);

  // The list page it came from already shows the change (no reload needed).
  await page.getByRole('link', { name: '← All contacts' }).click();
  const row = page.locator(`tr[data-contact-id="${contact.id}"] td[data-col="optout"]`);
  await expect(row).toHaveText(before ? 'No' : 'Opted out');

  await page.goto(`/contacts/${contact.id}?profile=${PROFILE_DE}`);
  await expect(optOutSwitch(page)).toHaveAttribute('aria-checked', String(!before));
  await page.reload();
  await expect(optOutSwitch(page)).toHaveAttribute('aria-checked', String(!before));
});

test('a refused edit rolls back and shows the code, message and request id', async ({
  page,
  allowHttpErrors,
}) => {
  allowHttpErrors(500);
  const contact = (await contactsOfDe(page))[1];
  if (!contact) throw new Error('no demo contacts');
  await page.route('**/v3/contacts/*', (route) =>
    route.request().method() === 'PATCH'
      ? route.continue({ headers: { ...route.request().headers(), 'x-test-fail': '500' } })
      : route.continue(),
  );
  await page.goto(`/contacts/${contact.id}?profile=${PROFILE_DE}`);
  await expect(optOutSwitch(page)).toHaveAttribute('aria-checked', String(contact.opt_out));
  await optOutSwitch(page).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Not saved, the change was undone.');
  await expect(alert).toContainText('HTTP 500');
  await expect(alert.locator('code').first()).not.toHaveText('UNKNOWN');
  await expect(alert.locator('code').nth(1)).not.toHaveText('—');
  await expect(optOutSwitch(page)).toHaveAttribute('aria-checked', String(contact.opt_out));
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
});

test('Undo sends the inverse change and restores the default channel', async ({ page }) => {
  const contact = (await contactsOfDe(page)).find((c) => c.available_channels.split(',').length === 2);
  if (!contact) throw new Error('no contact with two channels on that page');
  await page.goto(`/contacts/${contact.id}?profile=${PROFILE_DE}`);
  const select = page.getByRole('combobox', { name: 'Default channel' });
  await expect(select).toHaveValue(contact.default_channel);
  const other = contact.default_channel === 'sms' ? 'whatsapp' : 'sms';
  const first = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await select.selectOption(other);
  await expect(select).toHaveValue(other);
  await first;
  const undo = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(JSON.parse((await undo).request().postData() ?? '{}')).toEqual({
    default_channel: contact.default_channel,
  });
  await expect(select).toHaveValue(contact.default_channel);
  await expect(page.getByRole('status').filter({ hasText: 'Change undone.' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Default channel' })).toHaveValue(contact.default_channel);
});

test('an inherited contact says why it is read-only and offers no controls', async ({ page }) => {
  const { contacts } = await apiList(page, { page_size: 50 }, PROFILE_US);
  const inherited = contacts.find((c) => c.is_inherited);
  if (!inherited) throw new Error('no inherited contact on the first page');
  await page.goto(`/contacts/${inherited.id}?profile=${PROFILE_US}`);
  await expect(page.getByRole('note')).toContainText('owned by the organization');
  await expect(page.getByRole('switch')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Default channel' })).toHaveCount(0);
  await expect(page.locator('.field').filter({ hasText: 'Default channel' })).toBeVisible();
});
