import type { Page } from '@playwright/test';

/**
 * Opens `path` signed out on the OIDC console (server 'oidc') and signs in as `login` on the test provider's
 * own forms (ana: agent in Clinics UK, vic: viewer, ida: admin, nob: no group); resolves on the console.
 */
export async function signIn(page: Page, baseURL: string, login: string, path = '/') {
  // The provider's pages import a web font; there is no internet here.
  await page.route('https://fonts.googleapis.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/css', body: '' }),
  );
  // frame.goto: the provider's pages never become the console's html[data-ready].
  await page.mainFrame().goto(baseURL + path);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

export const consoleReady = (page: Page) => page.locator('html[data-ready]').waitFor({ state: 'attached' });
