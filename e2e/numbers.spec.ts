// What a number is, in the browser (issue 21): the contact detail's Reachability card for each kind of line,
// server-rendered (before the app's JavaScript runs and without it), masked for viewers; a lookup that finds
// nobody says what the number is and where else it lives (only where the person may look), and adds it;
// the import check warns about landlines and VoIP numbers. Against consoles of their own (numbers-servers.ts).
import type { Page, Request } from '@playwright/test';
import type { Person } from '../server/gateway/identity/person.ts';
import { SESSION_COOKIE } from '../server/gateway/identity/routes.ts';
import { holdAppScripts } from '../server/tools/hold-app-scripts.ts';
import { MASK } from '../src/shared/mask.ts';
import { test as base, expect, PROFILE_UK, PROFILE_US } from './support/fixtures';
import { type NumbersServers, PROFILE_DE, startNumbersServers } from './support/numbers-servers';

const test = base.extend<object, { numbers: NumbersServers }>({
  numbers: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern
    async ({}, use) => {
      const servers = await startNumbersServers(process.env.E2E_DIST_DIR ?? '');
      await use(servers);
      await servers.close();
    },
    // Seeding the API and finding a ported mobile is not part of any test's 30 s.
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ numbers }, use) => use(numbers.demoUrl),
});

const card = (page: Page) => page.locator('section.reachability');
const detail = (id: string, profile = PROFILE_UK) => `/contacts/${id}?profile=${profile}`;

/** Signs `person` in on the staff console (a sealed session, as the sign-in would set). */
async function signedIn(page: Page, numbers: NumbersServers, person: Person) {
  const value = await numbers.sessionFor(person);
  await page.context().addCookies([{ name: SESSION_COOKIE, value, url: numbers.staffUrl }]);
}

test.describe('the Reachability card', () => {
  test('says what each line is and whether each channel will get there', async ({ page, numbers }) => {
    const { mobile, ported, landline, voip } = numbers.sample;
    await page.goto(detail(mobile.id));
    await expect(card(page)).toContainText('Line typeMobile');
    await expect(card(page)).toContainText(`Carrier${mobile.carrier}MCC 234 · MNC `);
    await expect(card(page)).toContainText('PortedNo');
    await expect(card(page).locator('.verdict-ok').first()).toHaveText(
      `✓SMS will reach a mobile on ${mobile.carrier}.`,
    );

    await page.goto(detail(ported.id));
    await expect(card(page)).toContainText('PortedYes');
    await expect(card(page)).toContainText(`SMS will reach a mobile on ${ported.carrier} (ported there).`);

    await page.goto(detail(landline.id));
    await expect(card(page)).toContainText('Line typeLandline');
    await expect(card(page)).toContainText('CarrierBT');
    await expect(card(page).locator('.verdict-bad')).toHaveText(
      '✕Landline: SMS will not arrive; call instead.',
    );

    await page.goto(detail(voip.id));
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
    // Opened from the list (a server-rendered deep link would bring the card in the HTML instead).
    await page.goto(`${numbers.staffUrl}/?profile=${PROFILE_UK}&search=${landline.format_e164.slice(3)}`);
    await page.locator('tbody tr.row-link').first().click();
    const body = (await (await answer).json()) as { data: { phone_number: string; line_type: string } };
    expect(body.data.line_type).toBe('fixed_line');
    expect(body.data.phone_number).toContain(MASK);
    expect(body.data.phone_number).not.toContain(landline.format_e164.slice(3, -2));
    await expect(card(page)).toContainText('Line typeLandline');
    await expect(page.locator('#contact-title')).toContainText(MASK);
  });
});

test.describe('a lookup that finds nobody', () => {
  test('says what the number is, where it is not, and adds it as a contact', async ({
    page,
    allowHttpErrors,
  }) => {
    allowHttpErrors(404); // a lookup that finds nobody is the API's 404 RESOURCE_001
    await page.goto(`/?profile=${PROFILE_UK}`);
    await page.getByRole('textbox', { name: 'Look up a phone number' }).fill('+44 20 7946 0100');
    await page.getByRole('textbox', { name: 'Look up a phone number' }).press('Enter');
    await expect(page.getByRole('heading', { name: 'No contact with +44 20 7946 0100' })).toBeVisible();
    const facts = page.locator('.lookup-panel').filter({ hasText: 'What the number is' });
    await expect(facts).toContainText('Line typeLandline');
    await expect(facts).toContainText('Landline: SMS will not arrive; call instead.');
    const elsewhere = page.locator('.lookup-panel').filter({ hasText: 'In your other profiles' });
    await expect(elsewhere.getByRole('status')).toHaveText('In none of these 4.');

    await page.getByRole('button', { name: 'Add as contact' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Added to this profile.' })).toBeVisible();
    await expect(page.locator('#contact-title')).toHaveText('+44 20 7946 0100');
    await expect(card(page)).toContainText('Line typeLandline');
  });

  test('says in which other profile the number lives, and opens it there', async ({
    page,
    numbers,
    allowHttpErrors,
  }) => {
    allowHttpErrors(404);
    const de = await numbers.contactOf(PROFILE_DE);
    await page.goto(`/?profile=${PROFILE_UK}&phone=${encodeURIComponent(de.format_e164)}`);
    const open = page.getByRole('link', { name: 'Open in Northwind Labs DE' });
    await expect(open).toBeVisible();
    await open.click();
    await expect(page).toHaveURL(new RegExp(`/contacts/${de.id}\\?profile=${PROFILE_DE}$`));
    await expect(page.getByRole('combobox', { name: 'Profile' })).toHaveValue(PROFILE_DE);
    await expect(card(page)).toContainText('Line type');
  });

  test('"All my profiles" looks in every one at once, with one request per profile', async ({
    page,
    numbers,
    allowHttpErrors,
  }) => {
    allowHttpErrors(404);
    const de = await numbers.contactOf(PROFILE_DE);
    const asked: (string | null)[] = [];
    page.on('request', (r: Request) => {
      if (new URL(r.url()).searchParams.get('phone') === de.format_e164)
        asked.push(r.headers()['x-profile-id'] ?? null);
    });
    await page.goto(`/?profile=${PROFILE_UK}`);
    await page.getByRole('checkbox', { name: 'All my profiles' }).check();
    await page.getByRole('textbox', { name: 'Look up a phone number' }).fill(de.format_e164);
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect(page).toHaveURL(/&in=all$/);
    const where = page.locator('.lookup-panel').filter({ hasText: 'Where the number lives' });
    await expect(where.getByRole('status')).toHaveText('Found in 1 of 5.');
    await expect(where.getByRole('link', { name: 'Open in Northwind Labs DE' })).toBeVisible();
    expect(asked.sort()).toEqual(
      [null, PROFILE_UK, PROFILE_US, PROFILE_DE, '7a3d2c10-0000-4000-8000-000000000014'].sort(),
    );
  });

  test('looks only where the person may: a UK and DE agent hears nothing of Pharmacy US', async ({
    page,
    numbers,
    allowHttpErrors,
  }) => {
    allowHttpErrors(404);
    await signedIn(page, numbers, {
      sub: 'lea',
      name: 'Lea Agent',
      email: null,
      role: 'agent',
      profiles: [PROFILE_UK, PROFILE_DE],
    });
    const us = await numbers.contactOf(PROFILE_US);
    const profilesAsked = new Set<string>();
    page.on('request', (r: Request) => {
      const profile = r.headers()['x-profile-id'];
      if (profile) profilesAsked.add(profile);
    });
    await page.goto(`${numbers.staffUrl}/?profile=${PROFILE_UK}&phone=${encodeURIComponent(us.format_e164)}`);
    const elsewhere = page.locator('.lookup-panel').filter({ hasText: 'In your other profiles' });
    await expect(elsewhere.getByRole('status')).toHaveText('In none of them.');
    await expect(elsewhere.locator('li')).toHaveText(['Northwind Labs DENot here']);
    await expect(page.getByText('Pharmacy US')).toHaveCount(0);
    await expect(page.getByRole('checkbox', { name: 'All my profiles' })).toBeVisible();
    expect([...profilesAsked]).not.toContain(PROFILE_US);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('a national number of another country: its region is on the list, and the facts are there', async ({
      page,
    }) => {
      await page.goto(`/?profile=${PROFILE_UK}`);
      await page.getByLabel('Default region for numbers without a country code').selectOption('DE');
      await page.getByRole('textbox', { name: 'Look up a phone number' }).fill('030 1234567');
      await page.getByRole('button', { name: 'Look up' }).click();
      await expect(page.getByRole('heading', { name: 'No contact with +49 30 1234567' })).toBeVisible();
      await expect(page.locator('.lookup-panel').first()).toContainText('CarrierDeutsche Telekom');
      await expect(page.locator('.lookup-panel').nth(1)).toContainText('In none of these 4.');
    });
  });
});

test('the import check warns about landlines and VoIP numbers, and still imports them', async ({ page }) => {
  await page.goto('/import');
  const csv = ['phone', '+44 20 7946 0958', '+44 56 1234 5678', '+44 7911 123456', '+1 202 555 0143'].join(
    '\n',
  );
  await page
    .getByLabel(/^A file/)
    .setInputFiles({ name: 'mixed.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const counts = page.locator('.import-counts');
  await expect(counts.locator('[data-status="landline"] dd')).toHaveText('1');
  await expect(counts.locator('[data-status="voip"] dd')).toHaveText('1');
  await expect(counts.locator('[data-status="ready"] dd')).toHaveText('2');
  await page.getByLabel('Show').selectOption('voip');
  await expect(page.locator('tbody tr[data-row]')).toHaveCount(1);
  await expect(page.locator('tbody tr[data-row="3"]')).toContainText(
    'VoIP: many services do not deliver SMS.',
  );
  await expect(page.getByRole('button', { name: 'Import 4 numbers' })).toBeEnabled();
});

test('the footer says what the team budget has left this 60 s and how many may go at once', async ({
  page,
}) => {
  await page.goto(`/?profile=${PROFILE_UK}`);
  await page.locator('tbody tr.row-link').first().click();
  await expect(page.locator('.rate')).toHaveText(
    /^Team API budget: 1\d\d\/150 requests left in the last 60 s · \d+ can go at once, then requests wait$/,
  );
});
