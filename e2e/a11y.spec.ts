// axe (with its experimental rules, see support/axe.ts) over every screen of the console, in both colour
// schemes, and as served before (or without) JavaScript: any serious or critical violation fails the test.
import { holdAppScripts } from '../server/testing/hold-app-scripts.ts';
import { seriousViolations } from './support/axe';
import {
  apiList,
  expect,
  PROFILE_EMPTY,
  rows,
  test,
  visibleNumbers,
  withTestHeaders,
} from './support/fixtures';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    // Several full-page axe scans per test: seconds each on a busy 2-core machine.
    test.slow();

    test('list, keyboard help and export dialogs', async ({ page }) => {
      await page.goto('/');
      await visibleNumbers(page);
      expect(await seriousViolations(page)).toEqual([]);

      await expect(page.locator('html[data-shortcuts="on"]')).toHaveCount(1);
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      await page.getByRole('button', { name: 'Export CSV' }).click();
      const exportDialog = page.getByRole('dialog', { name: 'Export contacts' });
      await expect(exportDialog.getByRole('button', { name: /^Export [\d,]+ rows$/ })).toBeFocused();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('lookup with the region list open, and a hit: the detail', async ({ page }) => {
      const [contact] = (await apiList(page, { page_size: 1 })).contacts;
      if (!contact) throw new Error('no demo contacts');
      await page.goto('/');
      await visibleNumbers(page);
      const input = page.getByLabel('Look up a phone number');
      await input.focus(); // loads the region list
      const region = page.getByLabel('Default region for numbers without a country code');
      await expect(region.locator('option')).not.toHaveCount(1);
      expect(await seriousViolations(page)).toEqual([]);

      await input.fill(contact.format_international);
      await page.getByRole('button', { name: 'Look up' }).click();
      await expect(page).toHaveURL(new RegExp(`/contacts/${contact.id}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(contact.format_international);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('lookup miss and invalid number; empty profile', async ({ page, allowHttpErrors }) => {
      allowHttpErrors(404);
      await page.goto('/?phone=%2B14155550100');
      await expect(page.getByRole('heading', { name: /No contact with/ })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByLabel('Look up a phone number').fill('12');
      await page.getByRole('button', { name: 'Look up' }).click();
      await expect(page.locator('.field-problem')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(`/?profile=${PROFILE_EMPTY}`);
      await expect(page.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the error panel', async ({ page, allowHttpErrors }) => {
      allowHttpErrors(400);
      // A 4xx is not retried: the panel comes at once.
      await withTestHeaders(page, (url) =>
        url.pathname === '/v3/contacts' ? { 'x-test-fail': '400' } : null,
      );
      await page.goto('/');
      await expect(page.getByRole('alert')).toContainText('Could not load contacts');
      expect(await seriousViolations(page)).toEqual([]);
    });

    // axe itself needs JavaScript, so these screens are scanned as served with the app's script held back:
    // the same markup as with JavaScript off (e2e/no-js.spec.ts).
    test('before JavaScript: list with its form buttons and script note, lookup hit, detail, error panel', async ({
      page,
    }) => {
      const [contact] = (await apiList(page, { page_size: 1 })).contacts;
      if (!contact) throw new Error('no demo contacts');
      const early = await page.context().newPage();
      await holdAppScripts(early);
      await early.goto('/', { waitUntil: 'commit' });
      // The note shows only once the app is late (CSS, 1.5 s): scanned when it is on screen.
      await expect(early.locator('.script-note')).toBeVisible();
      await expect(early.getByRole('button', { name: 'Show' })).toBeVisible();
      expect(await seriousViolations(early)).toEqual([]);

      // Only the server shows a hit (the app goes straight on to the contact).
      await early.goto(`/?phone=${encodeURIComponent(contact.format_e164)}`, { waitUntil: 'commit' });
      await expect(early.getByRole('link', { name: 'Open contact' })).toBeVisible();
      expect(await seriousViolations(early)).toEqual([]);

      // The detail's edit controls need JavaScript too (aria-disabled until then).
      await early.goto(`/contacts/${contact.id}`, { waitUntil: 'commit' });
      await expect(early.getByRole('switch')).toHaveAttribute('aria-disabled', 'true');
      expect(await seriousViolations(early)).toEqual([]);

      await early.goto('/contacts/not-a-contact-id', { waitUntil: 'commit' });
      await expect(early.getByRole('alert')).toContainText('Could not load this contact');
      await expect(early.getByRole('button', { name: 'Retry' })).toBeVisible();
      expect(await seriousViolations(early)).toEqual([]);
      await early.close();
    });

    test.describe('rejected key', () => {
      test.use({ server: 'bad' });
      test('the 401 screen', async ({ page, allowHttpErrors }) => {
        allowHttpErrors(401);
        await page.goto('/');
        await expect(page.getByRole('heading', { name: 'The API key was rejected' })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });
    });
  });
}

test.describe('phone width', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the list is usable at 390 px: no page-level horizontal scroll, pager reachable', async ({ page }) => {
    await page.goto('/');
    await visibleNumbers(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/\?page=2$/);
    await expect(rows(page)).toHaveCount(20);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
