// Staff sign-in in Chromium, through the real OpenID provider the e2e setup starts (e2e/support/oidc-server.ts):
// the redirect dance, sign-out, an expired session, a forged cookie, CSRF, no access, and what each role sees.

import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { STAFF_SESSION_COOKIE } from '../server/gateway/identity/routes.ts';
import { MASK } from '../src/shared/mask.ts';
import { expect, PROFILE_UK, rows, test } from './support/fixtures';
import { consoleReady, signIn } from './support/sign-in';

test.use({ server: 'oidc' });

const signedInAs = (page: Page) => page.locator('form.signed-in');

test('an admin signs in through the provider and lands on the page they asked for', async ({
  page,
  baseURL,
}) => {
  await signIn(page, baseURL ?? '', 'ida', '/?page=2');
  await consoleReady(page);
  expect(new URL(page.url()).search).toBe('?page=2');
  await expect(signedInAs(page)).toContainText('Ida Admin');
  await expect(signedInAs(page)).toContainText('admin');
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeVisible();
  await expect(
    page.getByRole('combobox', { name: 'Profile' }).locator('optgroup[label="Organization"]'),
  ).toHaveCount(1);
});

test('sign-out ends the session here and at the provider', async ({ page, baseURL }) => {
  await signIn(page, baseURL ?? '', 'ida');
  await consoleReady(page);
  await signedInAs(page).getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page.getByRole('heading', { name: 'Signed out' })).toBeVisible();
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain(STAFF_SESSION_COOKIE);
  // The provider's session is gone too: the console sends back to its login form.
  await page.mainFrame().goto(baseURL ?? '');
  await expect(page.locator('input[name="login"]')).toBeVisible();
});

test('an ended session goes back through sign-in and returns to the page wanted', async ({
  page,
  baseURL,
}) => {
  await signIn(page, baseURL ?? '', 'ana');
  await consoleReady(page);
  // A handle the gateway no longer knows (ended: expired, signed out elsewhere, or by an admin).
  const value = randomBytes(32).toString('base64url');
  await page.context().addCookies([{ name: STAFF_SESSION_COOKIE, value, url: baseURL ?? '' }]);
  const wanted = `/?profile=${PROFILE_UK}&page=3`;
  const toSignIn = page.waitForRequest((r) => new URL(r.url()).pathname === '/auth/sign-in');
  await page.mainFrame().goto((baseURL ?? '') + wanted);
  expect(new URL((await toSignIn).url()).searchParams.get('next')).toBe(wanted);
  // Still signed in at the provider: straight back, on the same page.
  await consoleReady(page);
  expect(new URL(page.url()).search).toBe(`?profile=${PROFILE_UK}&page=3`);
  await expect(signedInAs(page)).toContainText('Ana Agent');
});

test('a forged session cookie is refused', async ({ page, baseURL }) => {
  await signIn(page, baseURL ?? '', 'ida');
  await consoleReady(page);
  const session = (await page.context().cookies()).find((c) => c.name === STAFF_SESSION_COOKIE);
  if (!session) throw new Error('no session cookie after sign-in');
  const forged = `${session.value.slice(0, -6)}${session.value.slice(-6).split('').reverse().join('')}`;
  await page.context().addCookies([{ ...session, value: forged }]);
  const api = await page.request.get('/v3/me');
  expect(api.status()).toBe(401);
  // A page is sent to sign-in (which the provider, still signed in, completes at once with a new session).
  const toSignIn = page.waitForRequest((r) => new URL(r.url()).pathname === '/auth/sign-in');
  await page.mainFrame().goto(baseURL ?? '');
  await toSignIn;
  await consoleReady(page);
  const renewed = (await page.context().cookies()).find((c) => c.name === STAFF_SESSION_COOKIE);
  expect(renewed?.value).not.toBe(forged);
});

test('a sign-out posted from another origin is refused (CSRF)', async ({
  page,
  baseURL,
  allowHttpErrors,
}) => {
  allowHttpErrors(403);
  await signIn(page, baseURL ?? '', 'ida');
  await consoleReady(page);
  // The provider is another origin on the same host: same-site, so the Lax cookie goes along.
  const consolePage = page.url();
  const other =
    (await page.request.get(`${baseURL}/auth/sign-in`, { maxRedirects: 0 })).headers().location ?? '';
  await page.mainFrame().goto(new URL('/.well-known/openid-configuration', other).href);
  const refused = page.waitForResponse((r) => new URL(r.url()).pathname === '/auth/sign-out');
  await page.evaluate((action) => {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = action;
    document.body.append(form);
    form.submit();
  }, `${baseURL}/auth/sign-out`);
  expect((await refused).status()).toBe(403);
  await page.waitForURL(`${baseURL}/auth/sign-out`);
  await page.goto(consolePage);
  await expect(signedInAs(page)).toContainText('Ida Admin');
});

test('a person in no group sees the no-access page', async ({ page, baseURL, allowHttpErrors }) => {
  allowHttpErrors(403);
  await signIn(page, baseURL ?? '', 'nob');
  await expect(page.getByRole('heading', { name: 'No access to this console' })).toBeVisible();
  await expect(page.getByText('nob@northwind.example')).toBeVisible();
});

test('a viewer sees masked numbers, no edit or export, and may reveal one number', async ({
  page,
  baseURL,
}) => {
  await signIn(page, baseURL ?? '', 'vic');
  await consoleReady(page);
  await expect(signedInAs(page)).toContainText('viewer');
  await expect(page.getByRole('button', { name: 'Privacy' })).toHaveAttribute('aria-pressed', 'false');
  const numbers = await rows(page).locator('th[data-col="number"]').allInnerTexts();
  expect(numbers.length).toBeGreaterThan(0);
  for (const n of numbers) expect(n).toContain(MASK);
  await expect(page.getByRole('button', { name: 'Export CSV' })).toHaveCount(0);
  // A match would tell masked digits: no search by digits (the gateway refuses one too).
  await expect(page.getByRole('searchbox')).toHaveCount(0);
  await expect(
    page.getByText('Numbers are masked for your role, so there is no search by digits.'),
  ).toBeVisible();
  await rows(page).first().click();
  await expect(page.getByRole('heading', { name: 'Phone formats' })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Opt-out' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Default channel' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(MASK);
  const revealed = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/__reveal/'));
  await page.getByRole('button', { name: 'Reveal number' }).click();
  expect((await revealed).status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText(MASK);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^\+[\d ]+$/);
});

test('an agent of Clinics UK sees only that profile, edits, and cannot export', async ({ page, baseURL }) => {
  await signIn(page, baseURL ?? '', 'ana');
  await consoleReady(page);
  // The account's own scope is not theirs: the gateway sent them into their profile.
  expect(new URL(page.url()).searchParams.get('profile')).toBe(PROFILE_UK);
  const switcher = page.getByRole('combobox', { name: 'Profile' });
  await expect(switcher).toHaveValue(PROFILE_UK);
  await expect(switcher.locator('option')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Export CSV' })).toHaveCount(0);
  const numbers = await rows(page).locator('th[data-col="number"]').allInnerTexts();
  for (const n of numbers) expect(n).not.toContain(MASK);
  await rows(page).first().click();
  await expect(page.getByRole('switch', { name: 'Opt-out' })).toBeVisible();
});
