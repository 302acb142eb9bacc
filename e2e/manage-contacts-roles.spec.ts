// Who may not add or remove (issue 13): inherited contacts belong to the organization, so a profile can neither
// select nor remove them and is told why; viewers and agents see no add, remove or select action at all (the
// gateway's own refusals: server/gateway/audit tests).
import type { Page } from '@playwright/test';
import { apiList, expect, PROFILE_US, rows, test } from './support/fixtures';
import { dialog, toolbarButton } from './support/manage';
import { consoleReady, signIn } from './support/sign-in';

test.describe('inherited contacts (Pharmacy US inherits the organization’s)', () => {
  test('cannot be selected, removed from their detail or by number, and say why', async ({ page }) => {
    const inherited = (await apiList(page, { page_size: 50 }, PROFILE_US)).contacts.find(
      (c) => c.is_inherited,
    );
    if (!inherited) throw new Error('no inherited demo contact');
    await page.goto(`/?profile=${PROFILE_US}&page_size=50`);
    await toolbarButton(page, 'Select').click();
    const box = page.getByRole('checkbox', { name: `Select ${inherited.format_international}` });
    await expect(box).toBeDisabled();
    await expect(box).toHaveAccessibleDescription(/only the organization can remove them/);
    await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
    await expect(box).not.toBeChecked();

    await page.goto(`/contacts/${inherited.id}?profile=${PROFILE_US}`);
    const button = page.getByRole('button', { name: 'Remove from account…' });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(/only the organization can remove it/);

    await page.goto(`/?profile=${PROFILE_US}`);
    await toolbarButton(page, 'Remove by number').click();
    const byNumber = dialog(page, 'Remove by number');
    await byNumber.getByLabel('Phone number').fill(inherited.format_e164);
    await byNumber.getByRole('button', { name: 'Find contact' }).click();
    await expect(byNumber.getByText(/only the organization can remove it/)).toBeVisible();
    await expect(byNumber.getByRole('button', { name: 'Remove from account' })).toHaveCount(0);
  });
});

async function expectNoManagement(page: Page) {
  await expect(rows(page).first()).toBeVisible();
  for (const name of ['Add contact', 'Remove by number', 'Select'])
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  await rows(page).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove from account…' })).toHaveCount(0);
}

test.describe('a viewer', () => {
  test.use({ server: 'viewer' });
  test('sees no add, remove or select action', async ({ page }) => {
    await page.goto('/');
    await expectNoManagement(page);
  });
});

test.describe('an agent', () => {
  test.use({ server: 'oidc' });
  test('sees no add, remove or select action', async ({ page, baseURL }) => {
    await signIn(page, baseURL ?? '', 'ana');
    await consoleReady(page);
    await expectNoManagement(page);
  });
});
