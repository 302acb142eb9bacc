// A lookup that finds nobody, in the browser (issue 21): what the number is, Add as contact, in which of the
// person's other profiles it lives (only those they may use), All my profiles, the full region list without
// JavaScript; and the import check's landline and VoIP warnings. Against consoles of their own.
import type { Page, Request } from '@playwright/test';
import { expect, PROFILE_UK, PROFILE_US } from './support/fixtures';
import { PROFILE_DE, signedIn, test } from './support/numbers-servers';

const card = (page: Page) => page.locator('section.reachability');

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
