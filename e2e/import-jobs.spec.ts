// Import jobs end to end, against the real `npm start` gateway run as a child process with its own embedded
// API, audit trail and job store in a temporary directory (so the contacts it creates touch no other spec's
// data, and the gateway can be killed): the run-through (progress, receipt, downloads, undo), pause and
// cancel, and a gateway killed half-way through an import: the next process takes the job over once the
// killed one's lease has expired, and the deterministic idempotency keys make the rows that were sent but not
// recorded come back as the same contacts.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ImportJob } from '../src/shared/imports.ts';
import { expect, test } from './support/fixtures';
import { type GatewayProcess, startGatewayProcess } from './support/gateway-process';

/** Numbers of the fictional UK drama range, none of them in the demo data. */
const numbers = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `+44 20 7946 ${String(from + i)}`);
const e164 = (number: string) => number.replaceAll(' ', '');

let dir = '';
let gateway: GatewayProcess | null = null;

/** A gateway of this test's own; `budget`: the team's requests a minute (the import gets 70 % of it). */
async function startGateway(budget: number): Promise<GatewayProcess> {
  gateway = await startGatewayProcess({
    DIST_DIR: process.env.E2E_DIST_DIR ?? 'dist',
    SENT_EMBEDDED_DB: join(dir, 'api.sqlite'),
    AUDIT_DB: join(dir, 'audit.sqlite'),
    AUDIT_ANCHOR_FILE: join(dir, 'anchors.jsonl'),
    AUDIT_SIGNING_KEY_FILE: join(dir, 'signing.key'),
    AUDIT_PHONE_HASH_KEY_FILE: join(dir, 'phone-hash.key'),
    IMPORT_LEASE_MS: '2000',
    // Under the embedded API's own 200 a minute: the team budget paces the import.
    SENT_BUDGET_PER_MIN: String(budget),
  });
  return gateway;
}

test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sent-import-jobs-'));
});
test.afterEach(async () => {
  await gateway?.kill();
  gateway = null;
  await rm(dir, { recursive: true, force: true });
});

async function jobOf(base: string, id: string): Promise<ImportJob> {
  const res = await fetch(`${base}/__imports/${id}`);
  return ((await res.json()) as { data: ImportJob }).data;
}

async function contactsWith(base: string, number: string): Promise<number> {
  const res = await fetch(
    `${base}/v3/contacts?phone=${encodeURIComponent(e164(number))}&page=1&page_size=10`,
  );
  const body = (await res.json()) as { data: { pagination: { total_count: number } } | null };
  if (res.status === 404) return 0;
  if (!body.data) throw new Error(`lookup of ${number}: ${res.status} ${JSON.stringify(body)}`);
  return body.data.pagination.total_count;
}

/** Chooses the file and presses Import; resolves with the job the gateway started. */
async function startImport(page: Page, base: string, file: string, ready: number): Promise<ImportJob> {
  await page.goto(`${base}/import`);
  await page
    .getByLabel(/^A file/)
    .setInputFiles({ name: 'patients.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  const started = page.waitForResponse(
    (r) => r.url().endsWith('/__imports') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: `Import ${ready} numbers` }).click();
  const res = await started;
  expect(res.status()).toBe(201);
  return ((await res.json()) as { data: ImportJob }).data;
}

test('run-through: progress, receipt, the failed-rows CSV, then remove what it created', async ({ page }) => {
  const base = (await startGateway(180)).url;
  const good = numbers(1000, 3);
  const file = [
    'name,mobile',
    `Ann,${good[0]}`,
    `Bo,${good[1]}`,
    `Cy,${good[0]}`,
    'Di,+44 20 79',
    `Ed,${good[2]}`,
  ].join('\n');
  await startImport(page, base, file, 3);
  await expect(page).toHaveURL(/\/import\/[^/?]+$/);
  await expect(page.locator('.badge').filter({ hasText: 'Done' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-count="created"] dd')).toHaveText('3');
  await expect(page.locator('[data-count="invalid"] dd')).toHaveText('1');
  await expect(page.locator('[data-count="duplicate"] dd')).toHaveText('1');

  const failed = page.waitForEvent('download');
  await page.getByRole('link', { name: /^Download failed rows/ }).click();
  const failedCsv = await readFile((await (await failed).path()) ?? '', 'utf8');
  const [header, ...lines] = failedCsv.trim().split('\r\n');
  expect(header).toBe('row,column,input,phone,state,reason,contact_id');
  expect(lines).toHaveLength(2);
  expect(failedCsv).toContain('duplicate of row 2');
  for (const number of good) expect(await contactsWith(base, number)).toBe(1);

  // Any admin can come back to it; removing what it created asks for the count first.
  await page.reload();
  await page.getByLabel('Type 3 to confirm').fill('3');
  await page.getByRole('button', { name: 'Remove 3 contacts' }).click();
  await expect(page.locator('.badge').filter({ hasText: 'Created contacts removed' })).toBeVisible({
    timeout: 30_000,
  });
  for (const number of good) expect(await contactsWith(base, number)).toBe(0);
  await page.goto(`${base}/import`);
  await expect(page.getByRole('link', { name: 'patients.csv' }).first()).toBeVisible();
});

test('a Google Contacts export: a number per phone column and cell, each source kept in the receipt and CSV', async ({
  page,
}) => {
  const base = (await startGateway(180)).url;
  await page.goto(`${base}/import`);
  await page.getByLabel(/^A file/).setInputFiles({
    name: 'google.csv',
    mimeType: 'text/csv',
    buffer: await readFile('src/features/import/fixtures/google-contacts.csv'),
  });
  await page.getByLabel('Numbers without a country code are in').selectOption('GB');
  await page.getByRole('button', { name: 'Import 8 numbers' }).click();
  await expect(page.locator('.badge').filter({ hasText: 'Done' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-count="created"] dd')).toHaveText('8');
  await expect(
    page.locator('.import-receipt div').filter({ hasText: 'Numbers from' }).locator('dd'),
  ).toHaveText('Phone 1 - Value, Phone 2 - Value');
  // Bo's two numbers, typed in one cell, are two contacts.
  for (const number of ['+447400900124', '+447400900125']) expect(await contactsWith(base, number)).toBe(1);

  const failed = page.waitForEvent('download');
  await page.getByRole('link', { name: /^Download failed rows/ }).click();
  const lines = (await readFile((await (await failed).path()) ?? '', 'utf8')).trim().split('\r\n');
  expect(lines).toEqual([
    'row,column,input,phone,state,reason,contact_id',
    '4,Phone 2 - Value,"\'+44 7400 900123","\'+447400900123",duplicate,"duplicate of row 2, Phone 1 - Value",',
    '5,,,,invalid,no number in this row,',
  ]);
});

test('pause, resume and cancel: a cancelled import sends nothing more', async ({ page }) => {
  const base = (await startGateway(120)).url;
  const good = numbers(1200, 30);
  const job = await startImport(page, base, ['phone', ...good].join('\n'), good.length);
  await expect
    .poll(async () => (await jobOf(base, job.id)).counts.created, { timeout: 30_000 })
    .toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.locator('.badge').filter({ hasText: 'Paused' })).toBeVisible();
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.locator('.badge').filter({ hasText: 'Importing' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel…' }).click();
  await page.getByRole('button', { name: 'Cancel the import' }).click();
  await expect(page.locator('.badge').filter({ hasText: 'Cancelled' })).toBeVisible();

  const cancelled = await jobOf(base, job.id);
  expect(cancelled.status).toBe('cancelled');
  expect(cancelled.counts.pending).toBeGreaterThan(0);
  // What was created stays; nothing that was pending was sent (a row already in flight may still land).
  let present = 0;
  for (const number of good) present += await contactsWith(base, number);
  expect(present).toBeGreaterThanOrEqual(cancelled.counts.created);
  expect(present).toBeLessThanOrEqual(cancelled.counts.created + 1);
});

test('a gateway killed half-way through an import: the next one finishes it, one contact per number', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const good = numbers(1100, 24);
  // Good numbers, a duplicate of the first, one to fix in place, one to leave invalid.
  const file = ['phone', ...good, good[0], '+44 20 79', 'not a number'].join('\n');
  const fixRow = good.length + 3;
  const fixed = '+44 20 7946 1199';

  let base = (await startGateway(180)).url;
  await page.goto(`${base}/import`);
  await page
    .getByLabel(/^A file/)
    .setInputFiles({ name: 'restart.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  // The invalid rows only (the table shows one page of the check; these London numbers are landlines, which
  // count among the problems too).
  await page.getByLabel('Show').selectOption('invalid');
  await page.getByRole('button', { name: `Fix row ${fixRow}` }).click();
  const field = page.getByLabel(`Number for row ${fixRow}`);
  await field.fill(fixed);
  await field.press('Enter');
  const started = page.waitForResponse(
    (r) => r.url().endsWith('/__imports') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: `Import ${good.length + 1} numbers` }).click();
  const job = ((await (await started).json()) as { data: ImportJob }).data;

  // Half-way: some rows created, most still to go. Then SIGKILL: no lease released, nothing flushed.
  await expect
    .poll(async () => (await jobOf(base, job.id)).counts.created, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(5);
  expect((await jobOf(base, job.id)).counts.pending).toBeGreaterThan(0);
  // The admin has closed the tab (its polling would only log refused connections).
  await page.mainFrame().goto('about:blank');
  await gateway?.kill();

  base = (await startGateway(180)).url;
  await expect.poll(async () => (await jobOf(base, job.id)).status, { timeout: 60_000 }).toBe('done');
  const after = await jobOf(base, job.id);
  expect(after.counts).toMatchObject({ duplicate: 1, invalid: 1, failed: 0, pending: 0 });
  // A row sent just before the kill but not recorded is sent again with the same key: the API answers with
  // the first answer (created), so no number is counted twice and none is created twice.
  expect(after.counts.created).toBe(good.length + 1);
  for (const number of [...good, fixed]) expect(await contactsWith(base, number), number).toBe(1);

  // Any admin can open its progress after the restart: the receipt.
  await page.goto(`${base}/import/${job.id}`);
  await expect(page.locator('[data-count="created"] dd')).toHaveText(String(good.length + 1));
});
