import type { Page } from '@playwright/test';
import { apiList, expect, test, visibleNumbers } from './support/fixtures';

const privacy = (page: Page) => page.getByRole('button', { name: 'Privacy' });

/** All text of the page, hidden text included (stricter than what is visible), plus the tab title. */
async function pageText(page: Page): Promise<string> {
  return `${await page.locator('body').textContent()}\n${await page.title()}`;
}

/** Numbers found as printed or as their bare digit sequence (so any punctuation of any format is caught). */
function leaks(text: string, numbers: string[]): string[] {
  const digitsOnScreen = text.replace(/[^\d•\n]/g, '');
  return numbers.filter((n) => text.includes(n) || digitsOnScreen.includes(n.replace(/\D/g, '')));
}

test('privacy mode masks every number in the table and the detail, and persists', async ({ page }) => {
  const { contacts } = await apiList(page, {});
  const real = contacts.flatMap((c) => [c.format_e164, c.format_international, c.format_national]);
  await page.goto('/');
  await visibleNumbers(page);
  expect(leaks(await pageText(page), real).length).toBeGreaterThan(0); // the check can fail

  await privacy(page).click();
  await expect(privacy(page)).toHaveAttribute('aria-pressed', 'true');
  const masked = await visibleNumbers(page);
  expect(masked[0]).toMatch(/^\+\d{1,3} [•\s-]+\d{2}$/);
  expect(leaks(await pageText(page), real)).toEqual([]);

  await page.reload();
  await expect(privacy(page)).toHaveAttribute('aria-pressed', 'true');
  await visibleNumbers(page);
  expect(leaks(await pageText(page), real)).toEqual([]);

  const contact = contacts[0];
  if (!contact) throw new Error('no demo contacts');
  await page.locator(`tr[data-contact-id="${contact.id}"]`).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('•');
  await expect(page.getByRole('heading', { name: 'Phone formats' })).toBeVisible();
  const detailText = await pageText(page);
  expect(
    leaks(detailText, [contact.format_e164, contact.format_international, contact.format_national]),
  ).toEqual([]);
  expect(detailText).toContain(contact.format_e164.slice(-2));

  await privacy(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(contact.format_international);
});

test('with privacy on, copy asks first and copies the real number only when confirmed', async ({ page }) => {
  const [contact] = (await apiList(page, { page: 4, page_size: 1 })).contacts;
  if (!contact) throw new Error('no demo contacts');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/contacts/${contact.id}`);
  await privacy(page).click();
  await page.evaluate(() => navigator.clipboard.writeText('untouched'));

  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('button', { name: 'Copy E.164' }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toContain('Privacy mode is on');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('untouched');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Copy E.164' }).click();
  await expect(page.getByRole('button', { name: 'Copy E.164' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(contact.format_e164);
});

test('privacy mode masks the lookup result too', async ({ page, allowHttpErrors }) => {
  allowHttpErrors(404);
  await page.goto('/');
  await privacy(page).click();
  await page.goto('/?phone=%2B14155550100');
  await expect(page.getByRole('heading', { name: /^No contact with \+1 / })).toHaveText(
    'No contact with +1 ••• ••• ••00',
  );
  expect(await pageText(page)).not.toContain('555');
});
