// The Import screen in the browser: a file read in the parse worker, checked with the phone library, fixed
// and filtered in place, before anything is sent. Running jobs (progress, receipt, undo, a killed gateway):
// import-jobs.spec.ts, against a gateway of its own.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { apiList, expect, test } from './support/fixtures';
import { xlsxFile } from './support/xlsx';

/** Rows 2–8 of this file: ready, ready, duplicate of row 2, invalid, (blank), ready, invalid. */
const MIXED = [
  'name,mobile,joined',
  'Ann,+44 20 7946 0958,2024-01-02',
  'Bo,(202) 555-0143,2024-01-03',
  'Cy,0044 20 7946 0958,2024-01-04',
  'Di,+44 20 79,2024-01-05',
  '',
  'Ed,tel:+1-202-555-0144,2024-01-06',
  'Flo,call me,2024-01-07',
].join('\r\n');

async function chooseFile(page: Page, name: string, text: string) {
  await page.getByLabel(/^A file/).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(page.locator('.import-counts')).toBeVisible();
}

/** The check's counts, by label. */
async function counts(page: Page): Promise<Record<string, string>> {
  const cards = page.locator('.import-counts > div');
  const entries = await cards.evaluateAll((nodes) =>
    nodes.map((node) => [
      node.querySelector('dt')?.textContent ?? '',
      node.querySelector('dd')?.textContent ?? '',
    ]),
  );
  return Object.fromEntries(entries);
}

const row = (page: Page, number: number) => page.locator(`tbody tr[data-row="${number}"]`);

test('an admin checks a file: flags and counts, fixes a row, drops one, filters the problems', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import contacts' })).toBeVisible();

  await chooseFile(page, 'patients.csv', MIXED);
  await expect(
    page.getByText('patients.csv: 7 rows, separated by comma, 1 empty rows skipped.'),
  ).toBeVisible();
  // The header row and the phone column were guessed: only "mobile" is ticked.
  await expect(page.getByLabel('Header row')).toHaveValue('0');
  await expect(page.getByRole('checkbox', { name: /^mobile 5 numbers in 5 of 6 rows/ })).toBeChecked();
  await expect(page.locator('.import-columns input:checked')).toHaveCount(1);
  expect(await counts(page)).toMatchObject({ Ready: '3', Invalid: '2', Duplicate: '1', Dropped: '0' });
  await expect(row(page, 2).locator('[data-col="number"]')).toHaveText('+442079460958');
  await expect(row(page, 4)).toContainText('Duplicate of row 2.');
  await expect(row(page, 5)).toContainText('Too few digits for a phone number for that country code.');
  await expect(row(page, 7).locator('[data-col="number"]')).toHaveText('+12025550144');
  await expect(row(page, 8)).toContainText('Invalid');

  // Fix row 5 in place: it is checked again and becomes ready.
  await row(page, 5).getByRole('button', { name: 'Fix row 5' }).click();
  const field = page.getByLabel('Number for row 5');
  await expect(field).toBeFocused();
  await field.fill('+44 20 7946 0960');
  await field.press('Enter');
  await expect(row(page, 5)).toContainText('Ready');
  await expect(row(page, 5)).toContainText('fixed');
  expect(await counts(page)).toMatchObject({ Ready: '4', Invalid: '1' });

  // Drop row 8: it leaves the problems and can be restored.
  await row(page, 8).getByRole('button', { name: 'Drop row 8' }).click();
  await expect(row(page, 8)).toContainText('Dropped');
  await expect(row(page, 8).getByRole('button', { name: 'Restore row 8' })).toBeVisible();
  expect(await counts(page)).toMatchObject({ Ready: '4', Invalid: '0', Duplicate: '1', Dropped: '1' });

  // Only the rows with problems: the duplicate.
  await page.getByLabel('Show').selectOption('problems');
  await expect(page.locator('tbody tr[data-row]')).toHaveCount(1);
  await expect(row(page, 4)).toBeVisible();

  await expect(page.getByText(/Takes under a minute: one request per number/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import 4 numbers' })).toBeEnabled();
});

test('pasted numbers are checked like a file', async ({ page }) => {
  await page.goto('/import');
  await page
    .getByLabel('Or paste numbers, one a line')
    .fill('+44 20 7946 0958\n\n020 7946 0958\n+1 202 555 0143');
  await page.getByRole('button', { name: 'Check pasted numbers' }).click();
  await expect(page.locator('.import-counts')).toBeVisible();
  // No header; the default region is the browser's (en-US here), so the national UK number is invalid.
  await expect(page.getByLabel('Header row')).toHaveValue('');
  expect(await counts(page)).toMatchObject({ Ready: '2', Invalid: '1' });
  await page.getByLabel('Numbers without a country code are in').selectOption('GB');
  await expect(row(page, 3)).toContainText('Duplicate of row 1.');
  expect(await counts(page)).toMatchObject({ Ready: '2', Invalid: '0', Duplicate: '1' });
});

test('numbers already in the profile are found when reading the list is cheaper than importing', async ({
  page,
}) => {
  const [existing] = (await apiList(page, { page_size: 1 })).contacts;
  if (!existing) throw new Error('no demo contacts');
  // 60 rows (more requests than the profile's 12 pages of contacts), one of them already a contact.
  // Washington DC's 555-01xx numbers: valid, and fictional (never a demo contact).
  const numbers = Array.from({ length: 59 }, (_, i) => `+1 202 555 0${100 + i}`);
  numbers.splice(30, 0, existing.format_international);
  await page.goto('/import');
  await chooseFile(page, 'sixty.csv', ['phone', ...numbers].join('\n'));
  await expect(
    page.getByText(/^Checked against the profile's [\d,]+ contacts \(\d+ pages read/),
  ).toBeVisible();
  expect(await counts(page)).toMatchObject({ 'Already there': '1', Ready: '59' });

  // 25 rows a page: the existing number (row 32) is on page 2.
  await expect(page.locator('tbody tr[data-row]')).toHaveCount(25);
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(row(page, 32)).toContainText('Already in this profile.');
  await expect(page.locator('.range')).toHaveText('26–50 of 60 numbers');
});

test('a spreadsheet: a big sheet is read (no blob: worker for the CSP to refuse), another sheet can be picked', async ({
  page,
}) => {
  // 20,000 London numbers: the sheet's XML is well over the 512 kB above which fflate would unzip in a worker.
  const london = Array.from({ length: 20_000 }, (_, i) => [
    `+44 20 ${7000 + Math.floor(i / 10_000)} ${String(i % 10_000).padStart(4, '0')}`,
  ]);
  const buffer = xlsxFile({
    Patients: [['Mobile'], ...london],
    Notes: [
      ['Phone', 'Note'],
      ['call me', 'x'],
    ],
  });
  await page.goto('/import');
  await page.getByLabel(/^A file/).setInputFiles({
    name: 'patients.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  await expect(page.locator('.import-counts')).toBeVisible({ timeout: 20_000 });
  expect(await counts(page)).toMatchObject({ Ready: '20,000', Invalid: '0' });
  await expect(page.getByText('patients.xlsx: 20,001 rows.')).toBeVisible();

  await page.getByLabel('Sheet').selectOption({ label: 'Notes' });
  await expect(page.getByText('patients.xlsx: 2 rows.')).toBeVisible();
  expect(await counts(page)).toMatchObject({ Ready: '0', Invalid: '1' });
});

test('the template CSV downloads', async ({ page }) => {
  await page.goto('/import');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download template CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('contacts-template.csv');
  const text = await readFile((await file.path()) ?? '', 'utf8');
  expect(text.split('\r\n')[0]).toBe('phone_number,name');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious axe violations, ${colorScheme} theme`, async ({ page }) => {
    test.slow(); // full-page axe scans
    await page.emulateMedia({ colorScheme });
    await page.goto('/import');
    expect(await seriousViolations(page)).toEqual([]);
    await chooseFile(page, 'patients.csv', MIXED);
    await row(page, 5).getByRole('button', { name: 'Fix row 5' }).click();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the server-rendered screen says that importing needs it, and the template still downloads', async ({
    page,
  }) => {
    await page.goto('/import');
    await expect(page.getByRole('heading', { level: 1, name: 'Import contacts' })).toBeVisible();
    await expect(page.getByText(/^Importing needs JavaScript/)).toBeVisible();
    await expect(page.getByLabel(/^A file/)).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Check pasted numbers' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await expect(page.getByRole('link', { name: 'Download template CSV' })).toHaveAttribute(
      'href',
      '/import-template.csv',
    );
  });
});

test.describe('a signed-in viewer', () => {
  test.use({ server: 'viewer' });

  test('has no Import link, and the screen says who may import', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Contacts' }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Import', exact: true })).toHaveCount(0);
    await page.goto('/import');
    await expect(page.getByRole('heading', { name: 'Only admins can import contacts' })).toBeVisible();
    await expect(page.getByLabel(/^A file/)).toHaveCount(0);
  });
});
