import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { seriousViolations } from './support/axe';
import {
  apiList,
  expect,
  PROFILE_US,
  requestsSoFarSeen,
  test,
  visibleNumbers,
  withTestHeaders,
} from './support/fixtures';

const COLUMNS =
  'id,phone_number,format_e164,format_international,format_national,format_rfc,country_code,region_code,available_channels,default_channel,opt_out,is_inherited,created_at,updated_at';
const fmt = (n: number) => n.toLocaleString('en');

/** RFC 4180 records → cells. Our fields never hold line breaks, but quoted ones may hold commas. */
function parseCsv(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => {
      const cells: string[] = [];
      let cell = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quoted && ch === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') quoted = !quoted;
        else if (ch === ',' && !quoted) {
          cells.push(cell);
          cell = '';
        } else cell += ch;
      }
      cells.push(cell);
      return cells;
    });
}

/** The Blob + download fallback (what every browser without File System Access gets). */
async function withoutFilePicker(page: Page) {
  await page.addInitScript(() =>
    Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true }),
  );
}

const exportRequests = (urls: URL[]) => urls.filter((url) => url.searchParams.get('page_size') === '1000');

test('exports every contact matching the current profile, search and channel', async ({ page }) => {
  await withoutFilePicker(page);
  const filter = { search: '7', channel: 'whatsapp' };
  const first = await apiList(page, { ...filter, page_size: 1000 }, PROFILE_US);
  const total = first.pagination.total_count;
  expect(total).toBeGreaterThan(1000); // more than one page

  await page.goto(`/?profile=${PROFILE_US}&search=7&channel=whatsapp`);
  await visibleNumbers(page);
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export contacts' });
  await expect(dialog).toContainText(
    `${fmt(total)} contacts of Northwind Pharmacy US matching “7” on WhatsApp`,
  );

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: `Export ${fmt(total)} rows` }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    /^contacts-northwind-pharmacy-us-whatsapp-search-7-\d{4}-\d\d-\d\d\.csv$/,
  );
  await expect(dialog.getByRole('status')).toContainText(`Exported ${fmt(total)} contacts`);
  await expect(dialog).toContainText(file.suggestedFilename());

  const [header, ...records] = parseCsv(await readFile(await file.path(), 'utf8'));
  expect(header?.join(',')).toBe(COLUMNS);
  expect(records).toHaveLength(total);
  expect(new Set(records.map((r) => r[0])).size).toBe(total);
  // Same order as the API, every row matches the filter, numbers kept as text for spreadsheets.
  expect(records.slice(0, 1000).map((r) => r[0])).toEqual(first.contacts.map((c) => c.id));
  for (const record of records) {
    expect(record).toHaveLength(14);
    expect(record[2]).toMatch(/^'\+\d+$/);
    expect(record[2]?.slice(2)).toContain('7');
    expect(record[8]?.split(',')).toContain('whatsapp');
  }
  expect(records.some((r) => r[11] === 'true')).toBe(true); // inherited organization contacts come along

  // Esc closes a finished export and focus returns to the button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeFocused();
});

test('cancel aborts the pages in flight and sends no more requests', async ({ page, contactRequests }) => {
  await withoutFilePicker(page);
  // A fake clock: after the cancel the test runs the page's timers past any retry backoff instead of sleeping.
  await page.clock.install();
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  let downloads = 0;
  page.on('download', () => downloads++);
  // Page 1 answers at once, every later export page takes 4 s.
  await withTestHeaders(page, (url) =>
    url.searchParams.get('page_size') === '1000' && url.searchParams.get('page') !== '1'
      ? { 'x-test-latency-ms': '4000' }
      : null,
  );
  await page.goto(`/?profile=${PROFILE_US}`);
  await visibleNumbers(page);
  await expect.poll(() => contactRequests.length).toBeGreaterThan(1); // the list's prefetch is out too

  await page.getByRole('button', { name: 'Export CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export contacts' });
  await dialog.getByRole('button', { name: /^Export [\d,]+ rows$/ }).click();
  await expect(dialog.getByTestId('export-rows')).toHaveText('1,000');
  await expect.poll(() => exportRequests(contactRequests).length).toBe(3); // page 1 + pages 2, 3 in flight
  // Escape does not close a running export.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();

  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  await expect(dialog.getByRole('status')).toContainText('Export cancelled after 1,000 of');
  const after = contactRequests.length;
  await expect.poll(() => failed.filter((url) => url.includes('page_size=1000')).length).toBe(2);
  await page.clock.runFor(60_000);
  await requestsSoFarSeen(page);
  expect(contactRequests.length).toBe(after);
  await expect(dialog.getByRole('status')).toContainText('Export cancelled after 1,000 of');
  expect(downloads).toBe(0);
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(dialog).toBeHidden();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('a failed page stops the export with its error, Retry page finishes without gaps; no axe violations', async ({
      page,
      allowHttpErrors,
    }) => {
      allowHttpErrors(503);
      await withoutFilePicker(page);
      const total = (await apiList(page, {}, PROFILE_US)).pagination.total_count;
      // Page 2 fails until the user retries (the automatic 5xx retry fails too).
      let failing = true;
      await withTestHeaders(page, (url) =>
        failing && url.searchParams.get('page_size') === '1000' && url.searchParams.get('page') === '2'
          ? { 'x-test-fail': '503' }
          : null,
      );
      await page.goto(`/?profile=${PROFILE_US}`);
      await visibleNumbers(page);
      await page.getByRole('button', { name: 'Export CSV' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export contacts' });
      const start = dialog.getByRole('button', { name: /^Export [\d,]+ rows$/ });
      await expect(start).toBeFocused();
      expect(await seriousViolations(page, 'dialog')).toEqual([]);
      await start.click();

      const alert = dialog.getByRole('alert');
      await expect(alert).toContainText(`Page 2 of ${Math.ceil(total / 1000)} could not be fetched`);
      await expect(alert).toContainText('HTTP 503');
      await expect(alert).toContainText(/req_\w+/);
      await expect(dialog.getByTestId('export-rows')).toHaveText('1,000');
      const retry = dialog.getByRole('button', { name: 'Retry page 2' });
      await expect(retry).toBeFocused();
      expect(await seriousViolations(page, 'dialog')).toEqual([]);

      failing = false;
      const download = page.waitForEvent('download');
      await retry.click();
      const [, ...records] = parseCsv(await readFile(await (await download).path(), 'utf8'));
      expect(records).toHaveLength(total);
      expect(new Set(records.map((r) => r[0])).size).toBe(total);
      await expect(dialog.getByRole('status')).toContainText(`Exported ${fmt(total)} contacts`);
      expect(await seriousViolations(page, 'dialog')).toEqual([]);
    });
  });
}

test('streams to the file the user picked when File System Access is available', async ({ page }) => {
  // A stand-in for the save picker that hands out a real FileSystemFileHandle (origin-private storage).
  await page.addInitScript(() => {
    Object.defineProperty(window, 'showSaveFilePicker', {
      configurable: true,
      value: async () =>
        (await navigator.storage.getDirectory()).getFileHandle('picked.csv', { create: true }),
    });
  });
  const total = (await apiList(page, { channel: 'sms' })).pagination.total_count;
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.goto('/?channel=sms');
  await visibleNumbers(page);
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export contacts' });
  await expect(dialog).toContainText('rows are written to the file as they arrive');
  await dialog.getByRole('button', { name: /^Export [\d,]+ rows$/ }).click();
  await expect(dialog.getByRole('status')).toContainText(`Exported ${fmt(total)} contacts`);
  await expect(dialog).toContainText('Saved to picked.csv');

  const text = await page.evaluate(async () => {
    const handle = await (await navigator.storage.getDirectory()).getFileHandle('picked.csv');
    return (await handle.getFile()).text();
  });
  const [header, ...records] = parseCsv(text);
  expect(header?.join(',')).toBe(COLUMNS);
  expect(records).toHaveLength(total);
  expect(downloads).toBe(0);
});

test('if the export chunk cannot load, the list stays usable and says so', async ({
  page,
  allowHttpErrors,
}) => {
  allowHttpErrors(404);
  await page.route('**/assets/ExportDialog-*.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('/');
  await visibleNumbers(page);
  await page.getByRole('button', { name: 'Export CSV' }).click();
  await expect(page.getByRole('alert')).toContainText('The export could not be loaded');
  await expect(page.locator('tbody tr.row-link').first()).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toBeHidden();
});
