import { expect, test, visibleNumbers } from './support/fixtures';

// The app servers of the e2e run hold sk_test_org_demo server-side (e2e/support/global-setup.ts).
const KEY = 'sk_test_org_demo';

test('the API key never reaches the browser: not in any request, response or rendered page', async ({
  page,
}) => {
  const seen: string[] = [];
  page.on('request', (request) => {
    seen.push(`${request.url()} ${JSON.stringify(request.headers())} ${request.postData() ?? ''}`);
  });
  page.on('response', async (response) => {
    const body = await response.text().catch(() => '');
    seen.push(`${response.url()} ${JSON.stringify(await response.allHeaders())} ${body}`);
  });
  await page.goto('/');
  await visibleNumbers(page);
  await page.getByRole('searchbox').fill('44');
  await expect(page).toHaveURL(/search=44/);
  await visibleNumbers(page);
  await page.locator('tbody tr.row-link').first().click();
  await expect(page.getByRole('heading', { name: 'Phone formats' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Phone formats' })).toBeVisible();

  expect(seen.length).toBeGreaterThan(5);
  expect(seen.some((entry) => entry.includes('/v3/contacts'))).toBe(true); // the check sees API traffic
  expect(seen.filter((entry) => entry.includes(KEY))).toEqual([]);
  expect(await page.content()).not.toContain(KEY);
});
