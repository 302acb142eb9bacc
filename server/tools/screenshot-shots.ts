// The screenshot tool's shot list parts (server/tools/screenshots.ts takes them): what a shot is, the four ways
// each screen is shot, and the Import screen's shots (a small file; the receipt of a finished import; the
// exports people have, issue 22: a Google Contacts CSV and a vCard, their column choice and check).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export interface Shot {
  name: string;
  path: string;
  base?: string;
  ready: string;
  dark?: boolean;
  phone?: boolean;
  /** The whole page, not just the window (long screens such as the Import steps). */
  fullPage?: boolean;
  prepare?: (page: Page) => Promise<void>;
  act?: (page: Page) => Promise<void>;
}

/** A shot in light and dark, at 1280 px and on a 390 px phone. */
export const fourWays = (shot: Shot): Shot[] => [
  shot,
  { ...shot, name: `${shot.name}-dark`, dark: true },
  { ...shot, name: `${shot.name}-phone`, phone: true },
  { ...shot, name: `${shot.name}-phone-dark`, phone: true, dark: true },
];

/** A small file with good, national, duplicate, invalid and empty rows, chosen on the Import screen. */
const IMPORT_CSV = [
  'name;phone;note',
  'Ann;+44 20 7946 0958;',
  'Bo;020 7946 0959;national format',
  'Cy;0044 20 7946 0958;same as Ann',
  'Di;(020) 7946 096;too short',
  'Ed;tel:+1-202-555-0143;',
  'Flo;;no number',
].join('\n');
const chooseImportFile = async (page: Page) => {
  await page.getByLabel(/^A file/).setInputFiles({
    name: 'new-patients.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(IMPORT_CSV),
  });
};
/** An export as people have it (issue 22): the column choice, then the check of every number with its source. */
const chooseExport = (file: string, mimeType: string) => async (page: Page) => {
  await page.getByLabel(/^A file/).setInputFiles({
    name: file,
    mimeType,
    buffer: readFileSync(`src/features/import/fixtures/${file}`),
  });
  await page.getByLabel('Numbers without a country code are in').selectOption('GB');
};
const importShot = (name: string, options: Partial<Shot> = {}): Shot => ({
  name,
  path: '/import',
  ready: '.import-counts',
  act: chooseImportFile,
  fullPage: true,
  ...options,
});

export const importShots: Shot[] = [
  ...fourWays(importShot('import')),
  // The receipt of a finished import (the job runs in this server's import worker).
  ...fourWays(
    importShot('import-receipt', {
      ready: '[data-count="created"]',
      act: async (page) => {
        await chooseImportFile(page);
        await page.getByRole('button', { name: /^Import \d+ numbers?$/ }).click();
        // The job's own status (the list of recent imports it leaves has earlier jobs' badges too).
        await page
          .locator('.import-job-status .badge')
          .filter({ hasText: 'Done' })
          .waitFor({ timeout: 30_000 });
      },
    }),
  ),
  importShot('import-empty', { ready: '.import-step', act: undefined }),
  ...fourWays(importShot('import-google', { act: chooseExport('google-contacts.csv', 'text/csv') })),
  ...fourWays(importShot('import-vcard', { act: chooseExport('contacts-3.0.vcf', 'text/vcard') })),
];
