// The Activity screen over the real gateway's audit trail: an admin (the loopback user) finds who opened a
// contact by its number and from the contact itself; a signed-in viewer is refused by the gateway.
import { seriousViolations } from './support/axe';
import { expect, rows, test, visibleNumbers } from './support/fixtures';

interface Contact {
  id: string;
  format_e164: string;
}

test('an admin filters the Activity screen by a number and sees who opened it', async ({ page }) => {
  test.slow(); // a full-page axe scan at the end
  await page.goto('/?page=7');
  await visibleNumbers(page);
  const opened = page.waitForResponse((response) =>
    /\/v3\/contacts\/[^/?]+$/.test(new URL(response.url()).pathname),
  );
  await rows(page).first().click();
  const contact = ((await (await opened).json()) as { data: Contact }).data;

  await page.getByRole('link', { name: 'Activity', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Number' }).fill(contact.format_e164);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/\/activity\?number=%2B\d+$/);

  const openedRows = page.locator('tbody tr').filter({ hasText: 'Contact opened' });
  await expect(openedRows.first()).toBeVisible();
  await expect(openedRows.first().locator('td[data-col="person"]')).toHaveText('loopback user (no sign-in)');
  // Every row is about this number: the masked form ends in its last two digits.
  const numbers = await page.locator('tbody td[data-col="number"]').allInnerTexts();
  expect(numbers.length).toBeGreaterThan(0);
  for (const shown of numbers) expect(shown.endsWith(contact.format_e164.slice(-2))).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
});

test('"who has seen this contact" lists the openings of that contact', async ({ page }) => {
  await page.goto('/?page=8');
  await visibleNumbers(page);
  const opened = page.waitForResponse((response) =>
    /\/v3\/contacts\/[^/?]+$/.test(new URL(response.url()).pathname),
  );
  await rows(page).nth(1).click();
  const contact = ((await (await opened).json()) as { data: Contact }).data;

  await page.getByRole('link', { name: 'Who has seen this contact' }).click();
  await expect(page).toHaveURL(`/activity?contact_id=${contact.id}`);
  await expect(page.getByRole('textbox', { name: 'Contact' })).toHaveValue(contact.id);
  await expect(page.locator('tbody tr').filter({ hasText: 'Contact opened' }).first()).toBeVisible();
});

test.describe('a signed-in viewer', () => {
  test.use({ server: 'viewer' });

  test('is refused the trail by the gateway (direct HTTP), and the screen says why', async ({
    page,
    request,
    baseURL,
    allowHttpErrors,
  }) => {
    for (const path of ['/__audit', '/__audit?number=%2B447700900123', '/__audit/export.csv']) {
      const response = await request.get(`${baseURL}${path}`);
      expect(response.status(), path).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'AUDIT_FORBIDDEN' } });
    }

    allowHttpErrors(403);
    await page.goto('/activity');
    await expect(page.getByRole('heading', { name: 'Only admins can see activity' })).toBeVisible();
    await expect(page.locator('table')).toHaveCount(0);
  });
});
