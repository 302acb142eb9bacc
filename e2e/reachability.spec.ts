// The contact detail's Reachability card in the browser (issue 21): each kind of line, never holding the rest
// of the screen, server-rendered (before the app's JavaScript runs and without it), masked for viewers; and the
// footer's team budget line. Against consoles of their own (support/numbers-servers.ts).
import type { Page } from '@playwright/test';
import { holdAppScripts } from '../server/testing/hold-app-scripts.ts';
import { MASK } from '../src/shared/mask.ts';
import { expect, PROFILE_UK } from './support/fixtures';
import { signedIn, test } from './support/numbers-servers';

const card = (page: Page) => page.locator('section.reachability');
const detail = (id: string) => `/contacts/${id}?profile=${PROFILE_UK}`;

test.describe('the Reachability card', () => {
  test('a mobile: its carrier and network code, and SMS will reach it', async ({ page, numbers }) => {
    const { mobile } = numbers.sample;
    await page.goto(detail(mobile.id));
    await expect(card(page)).toContainText('Line typeMobile');
    await expect(card(page)).toContainText(`Carrier${mobile.carrier}MCC 234 · MNC `);
    await expect(card(page)).toContainText('PortedNo');
    await expect(card(page).locator('.verdict-ok').first()).toHaveText(
      `✓SMS will reach a mobile on ${mobile.carrier}.`,
    );
  });

  test('a ported mobile says so', async ({ page, numbers }) => {
    const { ported } = numbers.sample;
    await page.goto(detail(ported.id));
    await expect(card(page)).toContainText('PortedYes');
    await expect(card(page)).toContainText(`SMS will reach a mobile on ${ported.carrier} (ported there).`);
  });

  test('a landline: SMS will not arrive', async ({ page, numbers }) => {
    await page.goto(detail(numbers.sample.landline.id));
    await expect(card(page)).toContainText('Line typeLandline');
    await expect(card(page)).toContainText('CarrierBT');
    await expect(card(page).locator('.verdict-bad')).toHaveText(
      '✕Landline: SMS will not arrive; call instead.',
    );
  });

  test('a VoIP number: a warning', async ({ page, numbers }) => {
    await page.goto(detail(numbers.sample.voip.id));
    await expect(card(page)).toContainText('Line typeVoIP');
    await expect(card(page)).toContainText('VoIPYes');
    await expect(card(page).locator('.verdict-warn')).toHaveText(
      '!VoIP: many services do not deliver SMS to it.',
    );
  });

  test('never holds the rest of the detail: the contact shows while its number is looked up', async ({
    page,
  }) => {
    let answer = () => {};
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    await page.route('**/__numbers/contact/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/?profile=${PROFILE_UK}`);
    await page.locator('tbody tr.row-link').first().click();
    await expect(page.getByRole('heading', { name: 'Phone formats' })).toBeVisible();
    await expect(card(page).getByRole('status', { name: 'Looking the number up' })).toBeVisible();
    answer();
    await expect(card(page)).toContainText('Line type');
    await expect(card(page).locator('.verdict')).not.toHaveCount(0);
  });

  test('is in the server’s HTML: before the app’s JavaScript runs, and without it', async ({
    page,
    numbers,
  }) => {
    // A page of its own: the fixture's page waits for the app on every goto.
    const early = await page.context().newPage();
    const release = await holdAppScripts(early);
    await early.goto(numbers.demoUrl + detail(numbers.sample.landline.id), { waitUntil: 'commit' });
    await expect(card(early)).toContainText('Landline: SMS will not arrive; call instead.');
    expect(await early.locator('html[data-ready]').count()).toBe(0);
    release();
    await early.locator('html[data-ready]').waitFor({ state: 'attached' });
    await expect(card(early)).toContainText('Line typeLandline');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('a deep link shows the card', async ({ page, numbers }) => {
      await page.goto(detail(numbers.sample.voip.id));
      await expect(card(page)).toContainText('VoIP: many services do not deliver SMS to it.');
    });
  });

  test('a viewer sees it with the number masked: not in the answer either', async ({ page, numbers }) => {
    await signedIn(page, numbers, {
      sub: 'vic',
      name: 'Vic Viewer',
      email: null,
      role: 'viewer',
      profiles: '*',
    });
    const { landline } = numbers.sample;
    const answer = page.waitForResponse((r) => r.url().includes('/__numbers/contact/'));
    // Opened from a lookup of its whole number (a viewer may not search by digits), which the browser goes on
    // from to the contact: a server-rendered deep link would bring the card in the HTML instead.
    await page.goto(
      `${numbers.staffUrl}/?profile=${PROFILE_UK}&phone=${encodeURIComponent(landline.format_e164)}`,
    );
    const body = (await (await answer).json()) as { data: { phone_number: string; line_type: string } };
    expect(body.data.line_type).toBe('fixed_line');
    expect(body.data.phone_number).toContain(MASK);
    expect(body.data.phone_number).not.toContain(landline.format_e164.slice(3, -2));
    await expect(card(page)).toContainText('Line typeLandline');
    await expect(page.locator('#contact-title')).toContainText(MASK);
  });
});

test('the footer says what the team budget has left this 60 s and how many may go at once', async ({
  page,
}) => {
  await page.goto(`/?profile=${PROFILE_UK}`);
  await page.locator('tbody tr.row-link').first().click();
  await expect(page.locator('.rate')).toHaveText(
    /^Team API budget: 1,\d{3}\/1,200 requests left in the last 60 s · \d+ can go at once, then requests wait$/,
  );
});
