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

test('pages a long trail with older and newer links, which stay put while entries arrive', async ({
  page,
}) => {
  test.slow(); // 33 lookups through the gateway first
  // 30 lookups of a number nobody else looks up: its own trail, whatever other tests record meanwhile.
  const number = `+447700${String(Date.now() % 1_000_000).padStart(6, '0')}`;
  const lookUp = async (times: number) => {
    for (let i = 0; i < times; i++) {
      const response = await page.request.get(
        `/v3/contacts?page=1&page_size=1&phone=${encodeURIComponent(number)}`,
      );
      expect([200, 404], await response.text()).toContain(response.status()); // a miss is recorded too
    }
  };
  await lookUp(30);
  await page.goto(`/activity?number=${encodeURIComponent(number)}&page_size=25`);
  const seqs = () =>
    page
      .locator('table:not(.table-stale) tbody tr[data-seq]')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-seq'))));
  await expect(page.getByText('25 of 30 entries')).toBeVisible();
  const newest = await seqs();
  expect(newest).toHaveLength(25);
  await expect(page.getByRole('link', { name: 'Newer', exact: true })).toHaveAttribute(
    'aria-disabled',
    'true',
  );

  const older = page.getByRole('link', { name: 'Older', exact: true });
  await expect(older).toHaveAttribute('href', /[?&]before=\d+\.\d+/); // a real link
  await lookUp(3); // arrive above: the older page is still the 5 after the first 25
  await older.click();
  await expect(page).toHaveURL(/before=/);
  await expect(page.getByText('5 of 33 entries')).toBeVisible();
  const oldest = await seqs();
  expect(oldest).toHaveLength(5);
  expect(Math.max(...oldest)).toBeLessThan(Math.min(...newest));
  await expect(page.getByRole('link', { name: 'Older', exact: true })).toHaveAttribute(
    'aria-disabled',
    'true',
  );

  await page.getByRole('link', { name: 'Newer', exact: true }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(page.getByText('25 of 33 entries')).toBeVisible();
  expect(await seqs()).toEqual(newest); // the same page as before, not the 3 new lookups
  await page.getByRole('link', { name: 'Newest', exact: true }).click();
  await expect(page.getByText('25 of 33 entries')).toBeVisible();
  expect((await seqs()).slice(3)).toEqual(newest.slice(0, 22));
});

test('a name applied as it is offers the people it could mean', async ({ page }) => {
  // A lookup by this test's own client: the trail then has the loopback user at 127.0.0.1.
  const lookup = await page.request.get('/v3/contacts?page=1&page_size=1&phone=%2B447700900999');
  expect([200, 404]).toContain(lookup.status());
  await page.goto('/activity?actor=loopback');
  await expect(page.getByRole('heading', { name: 'Which person?' })).toBeVisible();
  const choice = page.locator('.activity-choice a[href="/activity?actor=address%3A127.0.0.1"]');
  await expect(choice).toHaveText('loopback user (no sign-in) · not signed in');
  await choice.click();
  await expect(page).toHaveURL('/activity?actor=address%3A127.0.0.1');
  await expect(page.locator('tbody tr[data-seq]').first()).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Person' })).toHaveValue('address:127.0.0.1');
});

test.describe('a signed-in viewer', () => {
  test.use({ server: 'viewer' });

  test('is refused the trail by the gateway (direct HTTP), and the screen says why', async ({
    page,
    request,
    baseURL,
    allowHttpErrors,
  }) => {
    for (const path of [
      '/__audit',
      '/__audit?number=%2B447700900123',
      '/__audit/people?q=a',
      '/__audit/export.csv',
    ]) {
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
