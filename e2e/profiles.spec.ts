import type { Request } from '@playwright/test';
import {
  apiList,
  expect,
  PROFILE_EMPTY,
  PROFILE_UK,
  PROFILE_US,
  requestsSoFarSeen,
  rows,
  test,
  visibleNumbers,
  withTestHeaders,
} from './support/fixtures';

test('switching profile never shows the old profile rows, even when its response arrives late', async ({
  page,
}) => {
  const orgPage2 = (await apiList(page, { page: 2 })).contacts.map((c) => c.format_international);
  const orgPage1 = (await apiList(page, {})).contacts.map((c) => c.format_international);
  const ukPage1 = (await apiList(page, {}, PROFILE_UK)).contacts.map((c) => c.format_international);
  const profileHeaders: (string | null)[] = [];
  // Contact requests still open: every one must have ended (answered late or aborted) before the last check.
  const open = new Set<Request>();
  page.on('request', (request) => {
    if (new URL(request.url()).pathname !== '/v3/contacts') return;
    profileHeaders.push(request.headers()['x-profile-id'] ?? null);
    open.add(request);
  });
  page.on('requestfinished', (request) => open.delete(request));
  page.on('requestfailed', (request) => open.delete(request));

  await page.goto('/');
  expect(await visibleNumbers(page)).toEqual(orgPage1);

  // From now on the organization's answers are slow and the UK profile's are slower still.
  let slow = true;
  await withTestHeaders(page, (url) =>
    slow && url.pathname === '/v3/contacts' ? { 'x-test-latency-ms': '1200' } : null,
  );
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/\?page=2$/);
  await page.getByLabel('Profile', { exact: true }).selectOption(PROFILE_UK);
  await expect(page).toHaveURL(new RegExp(`\\?profile=${PROFILE_UK}$`));

  // While the new profile loads there is a skeleton, never the organization's rows.
  await expect(page.locator('tbody.skeleton')).toBeVisible();
  await expect(rows(page)).toHaveCount(0);
  expect(await visibleNumbers(page)).toEqual(ukPage1);
  slow = false;

  // Once the organization's slow requests have ended, nothing of theirs may be on screen.
  await expect.poll(() => open.size, { timeout: 10_000 }).toBe(0);
  await requestsSoFarSeen(page);
  const shown = await visibleNumbers(page);
  expect(shown).toEqual(ukPage1);
  expect(shown.filter((n) => orgPage2.includes(n) || orgPage1.includes(n))).toEqual([]);
  expect(profileHeaders.at(-1)).toBe(PROFILE_UK);
});

test('the profile choice lives in the URL and resets to page 1', async ({ page }) => {
  const us = await apiList(page, {}, PROFILE_US);
  await page.goto(`/?profile=${PROFILE_US}&page=2`);
  await expect(page.getByLabel('Profile', { exact: true })).toHaveValue(PROFILE_US);
  await expect(rows(page).first()).toBeVisible();
  // Northwind Pharmacy US inherits the organization's contacts, flagged as such.
  await page.getByLabel('Profile', { exact: true }).selectOption({ label: 'Northwind Health' });
  await expect(page).toHaveURL(/\/$/);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`\\?profile=${PROFILE_US}&page=2$`));
  await page.getByRole('link', { name: 'First page' }).click();
  expect(await visibleNumbers(page)).toEqual(us.contacts.map((c) => c.format_international));
});

test('an empty profile shows onboarding, not "no match"', async ({ page }) => {
  await page.goto(`/?profile=${PROFILE_EMPTY}`);
  await expect(page.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
  await expect(page.getByText('No contacts match')).toHaveCount(0);
});

test('a profile id that is not one of the organization falls back to the organization', async ({ page }) => {
  await page.goto('/?profile=7a3d2c10-0000-4000-8000-000000000031&page=2');
  await expect(page.getByRole('status').filter({ hasText: 'not available to this key' })).toBeVisible();
  await expect(page).toHaveURL(/\?page=2$/);
  await expect(page.getByLabel('Profile', { exact: true })).toHaveValue('');
  await expect(rows(page).first()).toBeVisible();
});

test.describe('user key', () => {
  test.use({ server: 'user' });
  test('shows the account name and no profile switcher', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.account-name')).toHaveText('Jordan Avery');
    await expect(page.getByLabel('Profile', { exact: true })).toHaveCount(0);
    await expect(rows(page).first()).toBeVisible();
  });
});

test.describe('profile key', () => {
  test.use({ server: 'profile' });
  test('shows the profile name, ignores ?profile= and never sends x-profile-id', async ({ page }) => {
    const sent: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/v3/')) sent.push(request.headers()['x-profile-id']);
    });
    await page.goto(`/?profile=${PROFILE_US}`);
    await expect(page.locator('.account-name')).toHaveText('Northwind Clinics UK');
    await expect(page.getByLabel('Profile', { exact: true })).toHaveCount(0);
    await expect(rows(page).first()).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
    expect(sent.filter(Boolean)).toEqual([]);
  });
});
