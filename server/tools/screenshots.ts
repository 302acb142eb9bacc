/**
 * `npm run screenshots`: renders every screen of the console (built app + embedded demo API) in headless
 * Chromium and writes PNGs to docs/screenshots/, light and dark at 1280×800 and a phone at 390 px.
 * SCREENSHOTS_ONLY=activity,import takes only the shots whose name starts with one of those.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createEmbeddedApi } from '../api/server.ts';
import { withFaultHeaders } from '../testing/api-faults.ts';
import { startAppServer } from '../testing/app-server.ts';
import { startTempAudit } from '../testing/temp-audit.ts';
import { buildIfStale } from './build-if-stale.ts';
import { chromiumLaunchOptions, openConsole } from './chromium.ts';
import { numberShots } from './number-screenshots.ts';
import { recordSampleActivity } from './sample-activity.ts';
import { fourWays, importShots, type Shot } from './screenshot-shots.ts';

const OUT = 'docs/screenshots';
const PROFILE_EMPTY = '7a3d2c10-0000-4000-8000-000000000014';
const PROFILE_US = '7a3d2c10-0000-4000-8000-000000000012';

await buildIfStale();
// A private copy, so a concurrent rebuild of dist/ (npm start, another run) cannot break the shots.
const served = mkdtempSync(join(tmpdir(), 'sent-screenshots-'));
cpSync('dist', served, { recursive: true });
mkdirSync(OUT, { recursive: true });
const api = createEmbeddedApi(withFaultHeaders({ rateLimit: false }));
await api.ready;
const trail = await startTempAudit();
const org = await startAppServer({ distDir: served, api, apiKey: 'sk_test_org_demo', audit: trail.audit });
await recordSampleActivity({ distDir: served, api, apiKey: 'sk_test_org_demo', audit: trail.audit });
const bad = await startAppServer({ distDir: served, api, apiKey: 'sk_test_not_a_key' });
const browser = await chromium.launch(chromiumLaunchOptions);

const firstContact = async () => {
  const response = await api.fetch(
    new Request('http://api/v3/contacts?page=1&page_size=1', {
      headers: { 'x-api-key': 'sk_test_org_demo' },
    }),
  );
  return ((await response.json()) as { data: { contacts: { id: string }[] } }).data.contacts[0]?.id ?? '';
};
const contactId = await firstContact();
const inheritedContact = async () => {
  const response = await api.fetch(
    new Request('http://api/v3/contacts?page=1&page_size=50', {
      headers: { 'x-api-key': 'sk_test_org_demo', 'x-profile-id': PROFILE_US },
    }),
  );
  const { contacts } = (
    (await response.json()) as { data: { contacts: { id: string; is_inherited: boolean }[] } }
  ).data;
  return contacts.find((c) => c.is_inherited)?.id ?? '';
};
const contactNumber = async (id: string) => {
  const response = await api.fetch(
    new Request(`http://api/v3/contacts/${id}`, { headers: { 'x-api-key': 'sk_test_org_demo' } }),
  );
  return ((await response.json()) as { data: { format_e164: string } }).data.format_e164;
};
const ownNumber = await contactNumber(contactId);

const click = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).first().click();
// Adding and removing contacts (src/features/contacts/manage): the dialogs and row selection; the export dialog.
const manageShots: Shot[] = [
  {
    name: 'manage-add',
    path: '/',
    ready: '.dialog .field-hint',
    act: async (page) => {
      await click(page, 'Add contact');
      await page.getByRole('dialog').getByLabel('Phone number').fill('+44 20 7946 0958');
    },
  },
  {
    name: 'manage-remove-number',
    path: '/',
    ready: '.dialog .final-warning',
    act: async (page) => {
      await click(page, 'Remove by number');
      await page.getByRole('dialog').getByLabel('Phone number').fill(ownNumber);
      await click(page, 'Find contact');
    },
  },
  {
    name: 'manage-select',
    path: '/',
    ready: '.selection-bar',
    act: async (page) => {
      await click(page, 'Select');
      for (const n of [0, 1, 3]) await page.locator('tbody .select-cell input').nth(n).check();
    },
  },
  {
    name: 'manage-bulk',
    path: '/',
    ready: '.dialog .number-list',
    act: async (page) => {
      await click(page, 'Select');
      await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
      await click(page, 'Remove from account…');
    },
  },
  {
    // The export dialog (the shared Modal since issue 19), ready to export the whole list.
    name: 'export-dialog',
    path: '/',
    ready: '.export-dialog .export-actions',
    act: (page) => click(page, 'Export CSV'),
  },
  {
    name: 'manage-detail-remove',
    path: `/contacts/${contactId}`,
    ready: '.dialog .final-warning',
    act: (page) => click(page, 'Remove from account…'),
  },
];

const shots: Shot[] = [
  { name: 'list', path: '/', ready: 'tbody tr.row-link' },
  { name: 'list-dark', path: '/', ready: 'tbody tr.row-link', dark: true },
  { name: 'list-phone', path: '/', ready: 'tbody tr.row-link', phone: true },
  { name: 'list-profile-inherited', path: `/?profile=${PROFILE_US}&page=1`, ready: 'tbody tr.row-link' },
  { name: 'detail', path: `/contacts/${contactId}`, ready: '#contact-title' },
  { name: 'detail-dark', path: `/contacts/${contactId}`, ready: '#contact-title', dark: true },
  { name: 'detail-phone', path: `/contacts/${contactId}`, ready: '#contact-title', phone: true },
  { name: 'lookup-miss', path: '/?phone=%2B14155550100', ready: '.empty' },
  {
    name: 'lookup-invalid',
    path: '/',
    ready: '.field-problem',
    act: async (page) => {
      await page.getByLabel('Look up a phone number').fill('+44 20 79');
      await page.getByRole('button', { name: 'Look up' }).click();
    },
  },
  { name: 'no-match', path: '/?search=99999999&channel=whatsapp', ready: '.empty' },
  { name: 'empty-account', path: `/?profile=${PROFILE_EMPTY}`, ready: '.empty' },
  {
    name: 'error',
    path: '/',
    ready: '.error-panel',
    prepare: async (page) => {
      // The browser's own request has to fail: serve the plain shell, not a server-rendered page.
      await page.route(
        (url) => url.pathname === '/',
        (route) => route.continue({ headers: { ...route.request().headers(), 'x-test-ssr': 'off' } }),
      );
      await page.route('**/v3/contacts?**', (route) =>
        route.continue({ headers: { ...route.request().headers(), 'x-test-fail': '503' } }),
      );
    },
  },
  { name: 'error-dark', path: '/', ready: '.error-panel', dark: true },
  { name: 'auth-401', path: '/', base: bad.url, ready: '.auth-card' },
  { name: 'auth-401-dark', path: '/', base: bad.url, ready: '.auth-card', dark: true },
  { name: 'activity', path: '/activity', ready: 'tbody tr[data-seq]' },
  { name: 'activity-dark', path: '/activity', ready: 'tbody tr[data-seq]', dark: true },
  { name: 'activity-phone', path: '/activity', ready: 'tbody tr[data-seq]', phone: true },
  { name: 'activity-phone-dark', path: '/activity', ready: 'tbody tr[data-seq]', phone: true, dark: true },
  { name: 'activity-filtered', path: '/activity?action=contact.edit', ready: 'tbody tr[data-seq]' },
  {
    name: 'detail-inherited',
    path: `/contacts/${await inheritedContact()}?profile=${PROFILE_US}`,
    ready: '.detail-remove',
  },
  ...manageShots.flatMap(fourWays),
  ...importShots,
  ...(await numberShots(api)),
];
// The dark error shot needs the same failure as the light one.
const errorShot = shots.find((shot) => shot.name === 'error');
const darkError = shots.find((shot) => shot.name === 'error-dark');
if (errorShot && darkError) darkError.prepare = errorShot.prepare;

try {
  const only = (process.env.SCREENSHOTS_ONLY ?? '').split(',');
  for (const shot of shots.filter((s) => only.some((prefix) => s.name.startsWith(prefix)))) {
    const context = await browser.newContext({
      viewport: shot.phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      colorScheme: shot.dark ? 'dark' : 'light',
      locale: 'en-US',
    });
    const page = await context.newPage();
    await shot.prepare?.(page);
    await openConsole(page, `${shot.base ?? org.url}${shot.path}`);
    await shot.act?.(page);
    await page.locator(shot.ready).first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300); // let the progress bar fade out
    await page.screenshot({ path: `${OUT}/${shot.name}.png`, fullPage: shot.fullPage });
    console.log(`${OUT}/${shot.name}.png`);
    await context.close();
  }
} finally {
  await browser.close();
  await Promise.all([org.close(), bad.close()]);
  await trail.close();
  api.close();
  rmSync(served, { recursive: true, force: true });
}
