// Imports from the files people really have, chosen in the file input as a person would: a Google Contacts
// CSV, an Outlook CSV, vCard 3.0 and 4.0 exports (src/features/import/fixtures/, written as those products
// write them) and a spreadsheet with Mobile and Landline columns, region United Kingdom. Each finds every
// valid number it holds, from every phone column, several numbers in one cell, each with its source;
// landlines count apart from Ready (issue 21: SMS will not arrive).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { xlsxFile } from './support/xlsx';

const fixture = (name: string) => readFileSync(`src/features/import/fixtures/${name}`);

async function choose(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.goto('/import');
  await page.getByLabel(/^A file/).setInputFiles({ name, mimeType, buffer });
  await page.getByLabel('Numbers without a country code are in').selectOption('GB');
  await expect(page.locator('.import-counts')).toBeVisible();
}

/** The check's counts, by label. */
async function counts(page: Page): Promise<Record<string, string>> {
  const cards = page.locator('.import-counts > div');
  const entries = await cards.evaluateAll((nodes) =>
    nodes.map((node) => [node.querySelector('dt')?.textContent ?? '', node.querySelector('dd')?.textContent]),
  );
  return Object.fromEntries(entries);
}

/** The ticked column checkboxes, by name. */
const ticked = (page: Page) =>
  page
    .locator('.import-columns input:checked')
    .evaluateAll((boxes) =>
      boxes.map((box) => box.closest('label')?.querySelector('.import-column-name')?.textContent),
    );

const item = (page: Page, row: number, column: string) =>
  page.locator(`tbody tr[data-row="${row}"][data-column="${column}"]`);

test('a Google Contacts CSV: both phone columns, the " ::: " cell split, a duplicate across columns', async ({
  page,
}) => {
  await choose(page, 'contacts.csv', 'text/csv', fixture('google-contacts.csv'));
  await expect(page.getByText('contacts.csv: 7 rows, separated by comma.')).toBeVisible();
  expect(await ticked(page)).toEqual(['Phone 1 - Value', 'Phone 2 - Value']);
  await expect(
    page.getByRole('checkbox', { name: /^Phone 1 - Value 6 numbers in 5 of 5 rows/ }),
  ).toBeChecked();
  expect(await counts(page)).toMatchObject({ Ready: '5', Landline: '3', Duplicate: '1', Invalid: '1' });
  await expect(item(page, 3, 'Phone 1 - Value')).toHaveCount(2);
  await expect(item(page, 4, 'Phone 2 - Value')).toContainText('Duplicate of row 2, Phone 1 - Value.');
  await expect(item(page, 6, 'Phone 2 - Value')).toContainText('0161 496 0001 ext. 12');
  await expect(page.getByRole('button', { name: 'Import 8 numbers' })).toBeEnabled();
});

test('unticking a column takes its numbers out of the check', async ({ page }) => {
  await choose(page, 'contacts.csv', 'text/csv', fixture('google-contacts.csv'));
  await page.getByRole('checkbox', { name: /^Phone 1 - Value/ }).uncheck();
  // Phone 2's copy of row 2's mobile is now the first of its number, not a duplicate.
  await expect(page.getByRole('button', { name: 'Import 3 numbers' })).toBeEnabled();
  expect(await counts(page)).toMatchObject({ Ready: '1', Landline: '2', Duplicate: '0' });
  await expect(item(page, 4, 'Phone 2 - Value')).toContainText('Ready');
});

test('an Outlook CSV: Mobile, Home and Business Phone; its fax can be ticked', async ({ page }) => {
  await choose(page, 'outlook.csv', 'text/csv', fixture('outlook-contacts.csv'));
  expect(await ticked(page)).toEqual(['Business Phone', 'Home Phone', 'Mobile Phone']);
  expect(await counts(page)).toMatchObject({ Ready: '2', Landline: '2', Duplicate: '1', Invalid: '0' });
  await expect(item(page, 4, 'Mobile Phone')).toContainText('Duplicate of row 3, Mobile Phone.');
  await page.getByRole('checkbox', { name: /^Business Fax/ }).check();
  expect(await counts(page)).toMatchObject({ Ready: '2', Landline: '3' });
});

test('vCard 3.0 and 4.0 exports: every TEL with its kind, cards as the unit', async ({ page }) => {
  await choose(page, 'contacts-3.0.vcf', 'text/vcard', fixture('contacts-3.0.vcf'));
  await expect(page.getByText('contacts-3.0.vcf: 3 cards, vCard 3.0.')).toBeVisible();
  // A vCard's header is made from its cards: nothing to guess.
  await expect(page.getByLabel('Header row')).toHaveCount(0);
  expect(await ticked(page)).toEqual([
    'Mobile phone',
    'Home phone',
    'Phone (Clinic)',
    'Mobile phone 2',
    'Work phone',
  ]);
  expect(await counts(page)).toMatchObject({ Ready: '3', Landline: '2', Duplicate: '1', Invalid: '0' });
  await expect(item(page, 2, 'Mobile phone 2')).toContainText('Duplicate of card 1, Mobile phone.');
  await expect(page.locator('thead')).toContainText('Card');

  await choose(page, 'contacts-4.0.vcf', 'text/vcard', fixture('contacts-4.0.vcf'));
  await expect(page.getByText('contacts-4.0.vcf: 3 cards, vCard 4.0.')).toBeVisible();
  expect(await counts(page)).toMatchObject({ Ready: '2', Landline: '4', Duplicate: '0', Invalid: '0' });
  await expect(item(page, 3, 'Work phone')).toHaveCount(2);
});

test('a spreadsheet with Mobile and Landline columns, not its NHS numbers', async ({ page }) => {
  const buffer = xlsxFile({
    Patients: [
      ['Patient', 'NHS number', 'Mobile', 'Landline', 'Date of birth'],
      ['Ann', '943 476 5919', '07400 900123', '020 7946 0958', '1980-04-02'],
      ['Bo', '943 476 5920', '', '020 7946 0959 / 020 7946 0960', '1981-04-03'],
      ['Cy', '943 476 5921', '07400 900124', '', '1982-04-04'],
    ],
  });
  const mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  await choose(page, 'patients.xlsx', mime, buffer);
  expect(await ticked(page)).toEqual(['Mobile', 'Landline']);
  expect(await counts(page)).toMatchObject({ Ready: '2', Landline: '3', Invalid: '0' });
  await expect(item(page, 3, 'Landline')).toHaveCount(2);
});

test('with no column ticked, nothing is checked and the screen says what to do', async ({ page }) => {
  await choose(page, 'outlook.csv', 'text/csv', fixture('outlook-contacts.csv'));
  for (const name of ['Business Phone', 'Home Phone', 'Mobile Phone']) {
    await page.getByRole('checkbox', { name: new RegExp(`^${name}`) }).uncheck();
  }
  await expect(page.getByText('Tick at least one column with phone numbers.')).toBeVisible();
  await expect(page.locator('.import-counts')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
});
