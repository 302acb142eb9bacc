import { expect, rangeText, rows, test, visibleNumbers } from './support/fixtures';

test.use({ server: 'v1' });

interface V1Page {
  items: { id: string; formatInternational: string }[];
  totalCount: number;
}

test('a legacy v1 account pages through GET /v1/contacts with the v3-only controls hidden', async ({
  page,
}) => {
  const api = await page.request.get('/v1/contacts?page=1&pageSize=20');
  expect(api.ok()).toBe(true);
  const expected = (await api.json()) as V1Page;
  const paths: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (/^\/v[13]\//.test(url.pathname)) paths.push(url.pathname + url.search);
  });

  await page.goto('/');
  await visibleNumbers(page);
  await expect(
    page.getByText(
      'This account uses the legacy v1 API: search, channel filter, lookup and profiles need v3.',
    ),
  ).toBeVisible();
  await expect(page.getByLabel('Search contacts by number')).toHaveCount(0);
  await expect(page.getByRole('group', { name: /channel/i })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: /channel/i })).toHaveCount(0);
  await expect(page.getByLabel('Profile', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /look up/i })).toHaveCount(0);

  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/\?page=2$/);
  expect(await visibleNumbers(page)).toEqual(expected.items.map((c) => c.formatInternational));
  await expect(page.getByText(rangeText(2, 20, expected.totalCount))).toBeVisible();
  await expect(page.getByText(`${expected.totalCount.toLocaleString('en')} in total`)).toBeVisible();
  // v1 has no opt-out or creation date: shown as "—", not as a wrong "No".
  await expect(rows(page).first().locator('td[data-col="optout"]')).toHaveText('—');
  await expect(rows(page).first().locator('td[data-col="created"]')).toHaveText('—');

  expect(paths.some((p) => p.startsWith('/v3/'))).toBe(false);
  expect(paths).toContain('/v1/contacts?page=1&pageSize=20');
});

test('v3-only URL parameters are ignored on a v1 account, and a contact opens read-only from the list', async ({
  page,
}) => {
  await page.goto('/?search=44&channel=sms&profile=7a3d2c10-0000-4000-8000-000000000011');
  await visibleNumbers(page);
  await expect(page).toHaveURL(/\/$/);
  const first = rows(page).first();
  const number = (await first.locator('th').textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(number);
  await expect(page.getByRole('note')).toContainText('needs the v3 API');
  await expect(page.getByRole('switch')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Open this contact from the list' })).toBeVisible();
});
