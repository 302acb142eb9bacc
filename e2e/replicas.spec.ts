import { apiList, expect, requestsSoFarSeen, rows, test } from './support/fixtures';

// Two replicas of the gateway (E2E_URL_REPLICA_A/B) share the team's budget and cache through one Redis
// (global setup). This browser uses replica A; a second browser uses replica B.
test.use({ server: 'replicaA' });

// Edits change the shared demo data: a page of a profile no other spec reads.
const PROFILE_DE = '7a3d2c10-0000-4000-8000-000000000013';
const optOut = (page: import('@playwright/test').Page) => page.getByRole('switch', { name: 'Opt-out' });

test('an edit on one replica is visible at once to a browser on the other', async ({ page, browser }) => {
  const { contacts } = await apiList(page, { page: 6, page_size: 10 }, PROFILE_DE);
  const contact = contacts[0] as { id: string; opt_out: boolean } | undefined;
  if (!contact) throw new Error('no demo contacts');
  const detail = `/contacts/${contact.id}?profile=${PROFILE_DE}`;

  // The other browser reads the contact first, so replica B's shared cache holds it.
  const other = await browser.newContext({ baseURL: process.env.E2E_URL_REPLICA_B });
  const otherPage = await other.newPage();
  await otherPage.goto(detail);
  await expect(optOut(otherPage)).toHaveAttribute('aria-checked', String(contact.opt_out));

  await page.goto(detail);
  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await optOut(page).click();
  expect((await saved).ok()).toBe(true);

  // No waiting for a cache to expire (5 s): the edit invalidated the contact on every replica, so the
  // reload's server rendering on replica B fetches it anew.
  await otherPage.reload();
  await expect(optOut(otherPage)).toHaveAttribute('aria-checked', String(!contact.opt_out));
  await other.close();
});

test("the footer shows the team's budget as the gateways see it, shared through Redis", async ({ page }) => {
  await page.goto(`/?profile=${PROFILE_DE}`);
  await expect(rows(page).first()).toBeVisible();
  // The browser's first own request (the next page's prefetch) brings the gateway's figures.
  await expect(page.locator('.rate')).toHaveText(
    /^Team API budget: 1,1\d\d\/1,200 requests left in the last 60 s · \d+ can go at once, then requests wait · shared by every gateway$/,
  );
});

test('a prefetch the gateway sets aside (GATEWAY_012) shows nothing and is not retried', async ({
  page,
  allowHttpErrors,
}) => {
  allowHttpErrors(429);
  const prefetches: string[] = [];
  let setAside = true;
  // The answer the gateway gives background work when the budget is short (team-upstream.ts).
  await page.route('**/v3/contacts?page=2&*', async (route) => {
    prefetches.push(route.request().headers()['x-sent-priority'] ?? 'interactive');
    if (!setAside) return route.continue();
    await route.fulfill({
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '3' },
      body: JSON.stringify({
        success: false,
        data: null,
        error: { code: 'GATEWAY_012', message: 'Background request set aside.' },
        meta: { request_id: 'req_gw_test' },
      }),
    });
  });
  await page.clock.install();
  await page.goto(`/?profile=${PROFILE_DE}&page_size=20`);
  await expect(rows(page).first()).toBeVisible();
  await expect.poll(() => prefetches).toEqual(['background']);
  await page.clock.runFor(60_000); // past any retry delay
  await requestsSoFarSeen(page);
  expect(prefetches).toEqual(['background']);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Going there fetches the page as a person's request, and it shows.
  setAside = false;
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(rows(page).first()).toBeVisible();
  expect(prefetches.slice(0, 2)).toEqual(['background', 'interactive']);
});
