import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { apiList, expect, PROFILE_EMPTY, test, visibleNumbers } from './support/fixtures';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('list and detail have no serious axe violations', async ({ page }) => {
      await page.goto('/');
      await visibleNumbers(page);
      expect(await seriousViolations(page)).toEqual([]);

      const [contact] = (await apiList(page, { page_size: 1 })).contacts;
      await page.goto(`/contacts/${contact?.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test('empty, miss and invalid-lookup states have no serious axe violations', async ({
  page,
  allowHttpErrors,
}) => {
  allowHttpErrors(404);
  await page.goto(`/?profile=${PROFILE_EMPTY}`);
  await expect(page.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto('/?phone=%2B14155550100');
  await expect(page.getByRole('heading', { name: /No contact with/ })).toBeVisible();
  await page.getByLabel('Look up a phone number').fill('12');
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.locator('.field-problem')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe('phone width', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the list is usable at 390 px: no page-level horizontal scroll, pager reachable', async ({ page }) => {
    await page.goto('/');
    await visibleNumbers(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/\?page=2$/);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
