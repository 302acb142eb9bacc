// Adding and removing contacts (issue 13) in Chromium: Add contact (valid, invalid as typed, a number already
// there opens that contact), Remove from account from the detail, several selected rows (bounded concurrency,
// progress, a failure listed with its code and request id, Retry), by number; inherited contacts cannot be
// removed and viewers and agents see none of it (manage-contacts-roles.spec.ts; the gateway's own refusals:
// server/gateway/audit tests); axe on every new dialog: manage-contacts-a11y.spec.ts. Changes go to the standalone user key's account, whose rows no other spec
// counts, on numbers made here (each test its own block of digits, found by search).
import type { Route } from '@playwright/test';
import { apiList, expect, requestsSoFarSeen, rows, test } from './support/fixtures';
import { dialog, make, numberOf, searchOf, toolbarButton } from './support/manage';

test.describe('an admin (no sign-in: the loopback console is its own admin)', () => {
  test.use({ server: 'user' });

  test('adds a number typed in any format; the new contact opens, and the list has it', async ({ page }) => {
    const e164 = numberOf(1, 1);
    const posts: Record<string, string>[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/v3/contacts') posts.push(r.headers());
    });
    await page.goto('/');
    await toolbarButton(page, 'Add contact').click();
    const add = dialog(page, 'Add contact');
    const field = add.getByLabel('Phone number');
    await field.fill('+44 7400 5');
    // Too short while typing is not yet a mistake…
    await expect(add.getByText(/Too few digits/)).toBeVisible();
    await expect(field).not.toHaveAttribute('aria-invalid');
    await field.fill('+44 (7400) 501-001');
    await expect(add.getByText('✓ +44 7400 501001 · United Kingdom')).toBeVisible();
    await add.getByRole('button', { name: 'Add contact' }).click();

    await expect(page).toHaveURL(/\/contacts\/[\w-]+$/);
    await expect(page.getByRole('status').filter({ hasText: 'Added to this account.' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('+44 7400 501001');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.['idempotency-key']).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect((await apiList(page, { phone: e164 })).contacts).toHaveLength(1);

    await page.getByRole('link', { name: '← All contacts' }).click();
    await page.getByRole('searchbox').fill(searchOf(1));
    await expect(rows(page)).toHaveCount(1);
  });

  test('says what is wrong as it is typed, and sends nothing invalid', async ({ page }) => {
    let posted = false;
    page.on('request', (r) => {
      if (r.method() === 'POST') posted = true;
    });
    await page.goto('/');
    await toolbarButton(page, 'Add contact').click();
    const add = dialog(page, 'Add contact');
    const field = add.getByLabel('Phone number');
    await field.fill('07400 5O1');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(add.getByText(/can only contain digits/)).toBeVisible();
    await field.fill('+44 7400 5');
    await add.getByRole('button', { name: 'Add contact' }).click();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(add.getByText(/Too few digits/)).toBeVisible();
    await field.fill('+999 1234 5678');
    await expect(add.getByText('That country code does not exist.')).toBeVisible();
    await add.getByRole('button', { name: 'Add contact' }).click();
    await requestsSoFarSeen(page);
    expect(posted).toBe(false);
    await add.getByRole('button', { name: 'Cancel' }).click();
    await expect(add).toBeHidden();
    await expect(toolbarButton(page, 'Add contact')).toBeFocused();
  });

  test('a number already there (409) opens that contact, with a note, never a failure', async ({
    page,
    allowHttpErrors,
  }) => {
    allowHttpErrors(409);
    const existing = await make(page, numberOf(2, 1));
    await page.goto('/');
    await toolbarButton(page, 'Add contact').click();
    const add = dialog(page, 'Add contact');
    // The same number as a caller reads it, national with the region picked.
    await add.getByLabel('Default region').selectOption('GB');
    await add.getByLabel('Phone number').fill('07400 502001');
    const conflict = page.waitForResponse((r) => r.request().method() === 'POST');
    await add.getByRole('button', { name: 'Add contact' }).click();
    expect((await conflict).status()).toBe(409);
    await expect(page).toHaveURL(`/contacts/${existing.id}`);
    await expect(page.getByRole('status').filter({ hasText: 'Already in this account' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('removes one contact from its detail once its number is typed; it is gone everywhere', async ({
    page,
  }) => {
    const contact = await make(page, numberOf(3, 1));
    await page.goto(`/?search=${searchOf(3)}`);
    await rows(page).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(contact.format_international);
    await page.getByRole('button', { name: 'Remove from account…' }).click();
    const remove = dialog(page, 'Remove from account');
    await expect(remove.getByText('Removing is final.')).toBeVisible();
    const confirm = remove.getByRole('button', { name: 'Remove from account' });
    await expect(confirm).toBeDisabled();
    const typed = remove.getByLabel(/Type the number to confirm/);
    await typed.fill('+44 7400 503002');
    await expect(confirm).toBeDisabled();
    await typed.fill('+44 7400 503001');
    const deleted = page.waitForResponse((r) => r.request().method() === 'DELETE');
    await confirm.click();
    expect((await deleted).status()).toBe(204);
    await expect(page.getByRole('heading', { name: 'Contact removed' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'was removed from this account' })).toBeVisible();

    expect((await page.request.get(`/v3/contacts/${contact.id}`)).status()).toBe(404);
    await page.getByRole('link', { name: '← All contacts' }).first().click();
    await expect(page.getByRole('heading', { name: /No contacts match/ })).toBeVisible();
  });

  test('removes several selected rows: at most three at a time, progress, a failure with its code, Retry', async ({
    page,
    allowHttpErrors,
  }) => {
    allowHttpErrors(503);
    const made = await Promise.all([1, 2, 3, 4].map((n) => make(page, numberOf(4, n))));
    const failOnce = new Set([made[3]?.id]);
    const held: Route[] = [];
    await page.route('**/v3/contacts/*', async (route) => {
      if (route.request().method() !== 'DELETE') return route.fallback();
      held.push(route);
    });
    await page.goto(`/?search=${searchOf(4)}`);
    await expect(rows(page)).toHaveCount(4);
    await toolbarButton(page, 'Select').click();
    await expect(toolbarButton(page, 'Select')).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
    await expect(page.getByText('4 selected')).toBeVisible();
    // A click on a row's checkbox selects; it does not open the contact.
    await page.getByRole('checkbox', { name: `Select ${made[0]?.format_international}` }).uncheck();
    await expect(page.getByText('3 selected')).toBeVisible();
    await expect(page).toHaveURL(/\/\?search=/);
    await page.getByRole('checkbox', { name: `Select ${made[0]?.format_international}` }).check();

    await page.getByRole('button', { name: 'Remove from account…' }).click();
    const bulk = dialog(page, 'Remove 4 contacts');
    await expect(bulk.getByRole('list', { name: 'Contacts to remove' }).getByRole('listitem')).toHaveCount(4);
    const go = bulk.getByRole('button', { name: 'Remove 4 contacts' });
    await bulk.getByLabel('Type 4 to confirm').fill('3');
    await expect(go).toBeDisabled();
    await bulk.getByLabel('Type 4 to confirm').fill('4');
    await go.click();

    // Three DELETEs go out, the fourth waits for one of them to finish.
    await expect.poll(() => held.length).toBe(3);
    await requestsSoFarSeen(page);
    expect(held).toHaveLength(3);
    await expect(bulk.getByRole('status')).toHaveText('Removing… 0 of 4');
    const answer = async (route: Route | undefined) => {
      const id = route?.request().url().split('/').pop();
      const fail = failOnce.delete(id);
      await route?.continue({
        headers: { ...route.request().headers(), ...(fail ? { 'x-test-fail': '503' } : {}) },
      });
    };
    await answer(held[0]);
    await expect(bulk.getByRole('status')).toHaveText('Removing… 1 of 4');
    await expect.poll(() => held.length).toBe(4);
    for (const route of held.slice(1)) await answer(route);

    await expect(bulk.getByRole('status')).toHaveText('Removed 3 of 4 contacts from this account.');
    const failure = bulk.getByRole('alert');
    await expect(failure).toContainText('1 contact could not be removed');
    await expect(failure).toContainText(made[3]?.format_international ?? '');
    await expect(failure).toContainText('HTTP 503');
    await expect(failure).toContainText(/req_\w+/);

    await bulk.getByRole('button', { name: 'Retry 1 failed' }).click();
    await expect.poll(() => held.length).toBe(5);
    await answer(held[4]);
    await expect(bulk.getByRole('status')).toHaveText('Removed 4 of 4 contacts from this account.');
    await expect(bulk.getByRole('alert')).toHaveCount(0);
    await bulk.getByRole('button', { name: 'Close' }).last().click();
    await expect(page.getByRole('heading', { name: /No contacts match/ })).toBeVisible();
    for (const contact of made)
      expect((await page.request.get(`/v3/contacts/${contact.id}`)).status()).toBe(404);
  });

  test('removes by number: looks it up, shows it, removes it once typed; an unknown number is an answer', async ({
    page,
    allowHttpErrors,
  }) => {
    allowHttpErrors(404);
    const contact = await make(page, numberOf(5, 1));
    await page.goto('/');
    await toolbarButton(page, 'Remove by number').click();
    const byNumber = dialog(page, 'Remove by number');
    await byNumber.getByLabel('Phone number').fill(numberOf(5, 2));
    await byNumber.getByRole('button', { name: 'Find contact' }).click();
    await expect(byNumber.getByText('No contact in this account has that number.')).toBeVisible();

    await byNumber.getByLabel('Phone number').fill('+44 7400 505 001');
    await byNumber.getByRole('button', { name: 'Find contact' }).click();
    await expect(byNumber.getByText(contact.format_international, { exact: true })).toBeVisible();
    await byNumber.getByLabel(/Type the number to confirm/).fill(contact.format_e164);
    await byNumber.getByRole('button', { name: 'Remove from account' }).click();
    await expect(byNumber.getByRole('status')).toContainText('Removed from this account.');
    expect((await page.request.get(`/v3/contacts/${contact.id}`)).status()).toBe(404);
  });
});
