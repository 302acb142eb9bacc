import type { Page } from '@playwright/test';
import { expect, rows, test, visibleNumbers } from './support/fixtures';

/** The shortcut layer is installed on idle, right after start-up. */
async function ready(page: Page) {
  await visibleNumbers(page);
  await expect(page.locator('html[data-shortcuts="on"]')).toHaveCount(1);
}

test('j/k move between rows, Enter opens, Esc goes back to the same list state', async ({ page }) => {
  await page.goto('/?page=2&channel=whatsapp');
  await ready(page);
  const numbers = await visibleNumbers(page);
  await page.keyboard.press('j');
  await expect(rows(page).nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(rows(page).nth(2)).toBeFocused();
  await page.keyboard.press('k');
  await expect(rows(page).nth(1)).toBeFocused();
  // Modifier combinations belong to the browser.
  await page.keyboard.press('Control+j');
  await expect(rows(page).nth(1)).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(numbers[1] ?? '');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/\?channel=whatsapp&page=2$/);
  expect(await visibleNumbers(page)).toEqual(numbers);
});

test('"g p" focuses the page box; typing "j" in the search box types instead of moving', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await page.keyboard.press('g');
  await page.keyboard.press('p');
  await expect(page.getByLabel('Go to page')).toBeFocused();
  // Typing in the page box is typing, not shortcuts.
  await page.keyboard.type('j');
  await expect(rows(page).first()).not.toBeFocused();

  const search = page.getByLabel('Search contacts by number');
  await search.click();
  await page.keyboard.type('jk');
  await expect(search).toHaveValue('jk');
  await expect(search).toBeFocused();
  // One atomic check: the search settling ("jk" matches nothing) may remove the rows at any moment.
  expect(await page.evaluate(() => document.activeElement?.matches('tbody tr.row-link') ?? false)).toBe(
    false,
  );
});

test('"?" opens the shortcut help, Escape closes it and focus returns', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await page.keyboard.press('j');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Next row');
  // j does nothing while the help is open.
  await page.keyboard.press('j');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await expect(rows(page).first()).toBeFocused();
  await expect(page).toHaveURL(/\/$/);
});
