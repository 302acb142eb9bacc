import { expect, rows, test, visibleNumbers } from './support/fixtures';

test('hidden columns and density are remembered across reloads, and Reset restores the default', async ({
  page,
}) => {
  await page.goto('/');
  await visibleNumbers(page);
  const header = (name: string) => page.locator(`thead th[data-col="${name}"]`);
  await expect(header('created')).toBeVisible();
  const comfortable = (await rows(page).first().boundingBox())?.height ?? 0;

  await page.getByRole('button', { name: 'Layout' }).click();
  const menu = page.getByRole('dialog', { name: 'Table layout' });
  await expect(menu.getByRole('checkbox', { name: /Number/ })).toBeDisabled();
  await expect(menu.getByRole('checkbox', { name: /Number/ })).toBeChecked();
  await menu.getByRole('checkbox', { name: 'Created' }).uncheck();
  await menu.getByRole('checkbox', { name: 'Channels' }).uncheck();
  await menu.getByRole('radio', { name: 'Compact' }).check();
  await expect(header('created')).toHaveCount(0);
  await expect(page.locator('tbody td[data-col="channels"]')).toHaveCount(0);
  const compact = (await rows(page).first().boundingBox())?.height ?? 0;
  expect(compact).toBeLessThan(comfortable - 4);

  // Escape closes the menu and gives focus back to its button.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Layout' })).toBeFocused();

  await page.reload();
  await visibleNumbers(page);
  await expect(header('created')).toHaveCount(0);
  await expect(header('channels')).toHaveCount(0);
  await expect(header('number')).toBeVisible();
  expect((await rows(page).first().boundingBox())?.height).toBeCloseTo(compact, 0);

  await page.getByRole('button', { name: 'Layout' }).click();
  await menu.getByRole('button', { name: 'Reset to default' }).click();
  await expect(header('created')).toBeVisible();
  await expect(header('channels')).toBeVisible();
  expect((await rows(page).first().boundingBox())?.height).toBeCloseTo(comfortable, 0);
  await expect(menu.getByRole('button', { name: 'Reset to default' })).toBeDisabled();
  // A click elsewhere closes the menu.
  await page.getByRole('heading', { name: 'Contacts' }).click();
  await expect(menu).toHaveCount(0);
  await page.reload();
  await visibleNumbers(page);
  await expect(header('created')).toBeVisible();
});

test('a corrupt stored layout falls back to the default instead of breaking the table', async ({
  page,
  baseURL,
}) => {
  await page
    .context()
    .addCookies([{ name: 'sent_layout', value: encodeURIComponent('{"hidden":["number",'), url: baseURL }]);
  await page.goto('/');
  await visibleNumbers(page);
  await expect(page.locator('thead th')).toHaveCount(7);
});
