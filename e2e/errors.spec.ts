import {
  expect,
  PROFILE_UK,
  requestsSoFarSeen,
  rows,
  test,
  visibleNumbers,
  withTestHeaders,
} from './support/fixtures';

test('an API failure shows code, message and request id, and Retry recovers', async ({
  page,
  allowHttpErrors,
}) => {
  allowHttpErrors(500);
  let failing = true;
  await withTestHeaders(page, (url) =>
    failing && url.pathname === '/v3/contacts' ? { 'x-test-fail': '500' } : null,
  );
  await page.goto('/');
  // 5xx is retried with backoff before the panel appears.
  const panel = page.getByRole('alert');
  await expect(panel).toContainText('Could not load contacts', { timeout: 10_000 });
  await expect(panel).toContainText('INTERNAL_001');
  await expect(panel).toContainText(/req_[A-Za-z0-9]+/);

  failing = false;
  await panel.getByRole('button', { name: 'Retry' }).click();
  await visibleNumbers(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a 429 waits out Retry-After and then shows the rows', async ({ page, allowHttpErrors }) => {
  allowHttpErrors(429);
  let limited = 1;
  await withTestHeaders(page, (url) =>
    url.pathname === '/v3/contacts' && limited-- > 0 ? { 'x-test-fail': '429' } : null,
  );
  await page.goto('/');
  await expect(rows(page)).toHaveCount(20, { timeout: 10_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a 4xx is not retried', async ({ page, allowHttpErrors }) => {
  allowHttpErrors(400);
  let calls = 0;
  await withTestHeaders(page, (url) => {
    if (url.pathname !== '/v3/contacts') return null;
    calls++;
    return { 'x-test-fail': '400' };
  });
  // A fake clock: the test runs the page's timers past the longest retry backoff instead of sleeping.
  await page.clock.install();
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('Could not load contacts');
  await page.clock.runFor(60_000);
  await requestsSoFarSeen(page);
  expect(calls).toBe(1);
});

test.describe('rejected key', () => {
  test.use({ server: 'bad' });
  test('401 gets its own screen explaining the key problem', async ({ page, allowHttpErrors }) => {
    allowHttpErrors(401);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'The API key was rejected' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('HTTP 401');
    await expect(page.getByRole('table')).toHaveCount(0);
  });

  test('the detail route shows the same screen', async ({ page, allowHttpErrors }) => {
    allowHttpErrors(401);
    await page.goto('/contacts/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('heading', { name: 'The API key was rejected' })).toBeVisible();
  });
});

test('when /v3/me fails while a profile link is checked, the page says so and Retry recovers', async ({
  page,
  allowHttpErrors,
}) => {
  allowHttpErrors(503);
  let failing = true;
  await withTestHeaders(page, (url) =>
    failing && url.pathname === '/v3/me' ? { 'x-test-fail': '503' } : null,
  );
  await page.goto(`/?profile=${PROFILE_UK}`);
  const panel = page.getByRole('alert');
  await expect(panel).toContainText('Could not check the profile', { timeout: 10_000 });
  failing = false;
  await panel.getByRole('button', { name: 'Retry' }).click();
  await visibleNumbers(page);
  await expect(page.getByLabel('Profile', { exact: true })).toHaveValue(PROFILE_UK);
});
