/**
 * `npm run screenshots:power`: the power-feature screens (edit with Undo, table layout, privacy mode,
 * keyboard help, legacy v1 account) in headless Chromium. Writes docs/screenshots/power-*.png (light,
 * 1280×800); with REVIEW_DIR set, also every screen in light/dark at 1280×800 and 390 px wide there.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { createEmbeddedApi } from '../api/server.ts';
import { startAppServer } from '../testing/app-server.ts';
import { buildIfStale } from './build-if-stale.ts';
import { chromiumLaunchOptions, openConsole } from './chromium.ts';

const OUT = 'docs/screenshots';
const REVIEW = process.env.REVIEW_DIR;

await buildIfStale();
mkdirSync(OUT, { recursive: true });
if (REVIEW) mkdirSync(REVIEW, { recursive: true });
const api = createEmbeddedApi({ rateLimit: false });
await api.ready;
const v3 = await startAppServer({ distDir: 'dist', api, apiKey: 'sk_test_org_demo' });
const v1 = await startAppServer({ distDir: 'dist', api, apiKey: 'sk_test_org_demo', apiVersion: 'v1' });
const browser = await chromium.launch(chromiumLaunchOptions);

const contacts = async (page: number) => {
  const response = await api.fetch(
    new Request(`http://api/v3/contacts?page=${page}&page_size=10`, {
      headers: { 'x-api-key': 'sk_test_org_demo' },
    }),
  );
  type Row = { id: string; available_channels: string; opt_out: boolean };
  return ((await response.json()) as { data: { contacts: Row[] } }).data.contacts;
};
// Both channels (the default-channel select has a choice) and not opted out (the shot shows opting out).
const page3 = await contacts(3);
const editable = page3.find((c) => c.available_channels.includes(',') && !c.opt_out) ?? page3[0];

interface Shot {
  name: string;
  base?: string;
  path: string;
  act: (page: Page) => Promise<void>;
}

const shots: Shot[] = [
  {
    name: 'power-detail-edit',
    path: `/contacts/${editable?.id}`,
    act: async (page) => {
      await page.getByRole('switch', { name: 'Opt-out' }).click();
      await page.getByRole('button', { name: 'Undo' }).waitFor();
    },
  },
  {
    name: 'power-layout',
    path: '/',
    act: async (page) => {
      await page.locator('tbody tr.row-link').first().waitFor();
      await page.getByRole('button', { name: 'Layout' }).click();
      const menu = page.getByRole('dialog', { name: 'Table layout' });
      await menu.getByRole('checkbox', { name: 'Inherited' }).uncheck();
      await menu.getByRole('radio', { name: 'Compact' }).check();
      await page.locator('thead th[data-col="inherited"]').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'power-privacy',
    path: '/',
    act: async (page) => {
      await page.locator('tbody tr.row-link').first().waitFor();
      await page.getByRole('button', { name: 'Privacy' }).click();
      await page.locator('tbody th[data-col="number"]', { hasText: '•' }).first().waitFor();
    },
  },
  {
    name: 'power-shortcuts',
    path: '/',
    act: async (page) => {
      await page.locator('html[data-shortcuts="on"]').waitFor({ state: 'attached' });
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    },
  },
  {
    name: 'power-v1',
    base: v1.url,
    path: '/?page=2',
    act: async (page) => {
      await page.locator('tbody tr.row-link').first().waitFor();
    },
  },
];

const variants = [
  { suffix: '', dark: false, width: 1280, height: 800 },
  ...(REVIEW
    ? [
        { suffix: '-dark', dark: true, width: 1280, height: 800 },
        { suffix: '-phone', dark: false, width: 390, height: 844 },
        { suffix: '-phone-dark', dark: true, width: 390, height: 844 },
      ]
    : []),
];

try {
  for (const shot of shots) {
    for (const variant of variants) {
      const context = await browser.newContext({
        viewport: { width: variant.width, height: variant.height },
        deviceScaleFactor: 1,
        colorScheme: variant.dark ? 'dark' : 'light',
        locale: 'en-US',
      });
      const page = await context.newPage();
      await openConsole(page, `${shot.base ?? v3.url}${shot.path}`);
      await shot.act(page);
      await page.waitForTimeout(350); // let the progress bar and transitions settle
      const file = variant.suffix ? `${REVIEW}/${shot.name}${variant.suffix}.png` : `${OUT}/${shot.name}.png`;
      await page.screenshot({ path: file });
      if (variant.suffix === '' && REVIEW) await page.screenshot({ path: `${REVIEW}/${shot.name}.png` });
      console.log(file);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await Promise.all([v3.close(), v1.close()]);
  api.close();
}
