// Sessions under attack in Chromium, through the real OpenID provider (e2e/support/oidc-server.ts): a hostile
// "return to" after sign-in lands on the console, never on another site; a cookie replayed after sign-out in
// another browser fails; an admin's sign-out of a person (with and without JavaScript) ends their session.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { STAFF_SESSION_COOKIE } from '../server/gateway/identity/routes.ts';
import { seriousViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { consoleReady, signIn } from './support/sign-in';

test.use({ server: 'oidc' });
// Each test signs in through the provider's forms, some twice in two browsers: seconds each on a busy 2-core machine.
test.slow();

const EVIL = 'evil.example';

/** Every request to the hostile site is answered here (there is no internet), so landing there is visible. */
async function watchEvilSite(page: Page): Promise<string[]> {
  const reached: string[] = [];
  await page.context().route(
    (url) => url.hostname.endsWith(EVIL),
    (route) => {
      reached.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Evil</h1>' });
    },
  );
  return reached;
}

test('after signing in with a hostile "return to", the browser lands on the console', async ({
  page,
  baseURL,
}) => {
  const reached = await watchEvilSite(page);
  const origin = new URL(baseURL ?? '').origin;
  /** Past the provider: back on the console (not its sign-in routes), or on the hostile site. */
  const landed = (url: URL) =>
    url.hostname.endsWith(EVIL) || (url.origin === origin && !url.pathname.startsWith('/auth/'));
  // A tab inside the path: the browser drops it, and "/\t/evil.example/" becomes "//evil.example/".
  await signIn(page, origin, 'ida', `/auth/sign-in?next=${encodeURIComponent(`/\t/${EVIL}/`)}`);
  await page.waitForURL(landed);
  expect(new URL(page.url()).origin).toBe(origin);
  await consoleReady(page);
  // Still signed in at the provider: each of these comes straight back, and must come back here. A tab of
  // its own each (the console's own URL updates must not interrupt the next navigation).
  for (const next of [`/\\${EVIL}/`, `/\n/${EVIL}/`, `//${EVIL}/`, `/.//${EVIL}/`, `https://${EVIL}/`]) {
    const tab = await page.context().newPage();
    await tab
      .mainFrame()
      .goto(`${origin}/auth/sign-in?next=${encodeURIComponent(next)}`, { waitUntil: 'commit' });
    await tab.waitForURL(landed);
    expect(new URL(tab.url()).origin, JSON.stringify(next)).toBe(origin);
    await consoleReady(tab);
    await tab.close();
  }
  expect(reached).toEqual([]);
});

async function sessionCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name === STAFF_SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie after sign-in');
  return cookie;
}

/** Another browser holding only the console's cookie (a copy of it), not the provider's. */
async function replayIn(browser: Browser, cookie: Awaited<ReturnType<typeof sessionCookie>>) {
  const context = await browser.newContext();
  await context.addCookies([cookie]);
  return context;
}

test('a session cookie replayed in another browser after sign-out fails', async ({
  page,
  baseURL,
  browser,
  allowHttpErrors,
}) => {
  allowHttpErrors(401);
  await signIn(page, baseURL ?? '', 'ana');
  await consoleReady(page);
  const copy = await replayIn(browser, await sessionCookie(page.context()));
  try {
    const thief = await copy.newPage();
    expect((await thief.request.get(`${baseURL}/v3/me`)).status()).toBe(200);
    await page.locator('form.signed-in').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect(page.getByRole('heading', { name: 'Signed out' })).toBeVisible();
    expect((await thief.request.get(`${baseURL}/v3/me`)).status()).toBe(401);
    // A page goes to sign-in, and this browser has no session at the provider: its login form.
    await thief.goto(baseURL ?? '');
    await expect(thief.locator('input[name="login"]')).toBeVisible();
  } finally {
    await copy.close();
  }
});

for (const javaScriptEnabled of [true, false]) {
  const victim = javaScriptEnabled ? 'rex' : 'rue';
  const name = javaScriptEnabled ? 'Rex Removed' : 'Rue Removed';
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test(`an admin signs ${name} out from the Signed-in screen; their session ends`, async ({
      page,
      baseURL,
      browser,
    }) => {
      const base = baseURL ?? '';
      const other = await browser.newContext({ javaScriptEnabled: true });
      try {
        const theirs = await other.newPage();
        await signIn(theirs, base, victim);
        await consoleReady(theirs);
        await signIn(page, base, 'ida', '/activity');
        if (javaScriptEnabled) await consoleReady(page);
        await page.getByRole('link', { name: 'Who is signed in' }).click();
        const row = page.getByRole('row').filter({ hasText: name });
        await expect(row).toHaveCount(1);
        // axe runs in the page: only where JavaScript runs.
        if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);
        await row.getByRole('button', { name: `Sign out ${name}` }).click();
        await expect(page.getByText(`${name} was signed out`)).toBeVisible();
        await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
        expect((await theirs.request.get(`${base}/v3/me`)).status()).toBe(401);
      } finally {
        await other.close();
      }
    });
  });
}
