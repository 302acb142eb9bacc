/**
 * `npm run screenshots:sessions`: the Signed-in screen (/activity/signed-in) of a console with staff sign-in,
 * a few people signed in (sessions opened directly, no provider), in headless Chromium: light and dark at
 * 1280×800 and a 390 px phone, after a sign-out without JavaScript, and as a viewer sees it. PNGs in
 * docs/screenshots/signed-in*.png.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createEmbeddedApi } from '../api/server.ts';
import type { Person } from '../gateway/identity/person.ts';
import { createStaffSignIn, type StaffSignIn } from '../gateway/identity/staff-sign-in.ts';
import { startAppServer } from '../testing/app-server.ts';
import { noProvider, testSettings } from '../testing/identity-app.ts';
import { startTempAudit } from '../testing/temp-audit.ts';
import { buildIfStale } from './build-if-stale.ts';
import { chromiumLaunchOptions, openConsole } from './chromium.ts';

const OUT = 'docs/screenshots';
const UK = '7a3d2c10-0000-4000-8000-000000000011';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0.0.0 Safari/537.36';

await buildIfStale();
const served = mkdtempSync(join(tmpdir(), 'sent-screenshots-'));
cpSync('dist', served, { recursive: true });
mkdirSync(OUT, { recursive: true });
const api = createEmbeddedApi({ rateLimit: false });
await api.ready;
const trail = await startTempAudit();
let staff: StaffSignIn | null = null;
const server = await startAppServer({
  distDir: served,
  api,
  apiKey: 'sk_test_org_demo',
  audit: trail.audit,
  staffSignIn: async (publicUrl, upstream) => {
    staff = await createStaffSignIn({ settings: testSettings(publicUrl), upstream, oidc: noProvider });
    return staff;
  },
});
const sessions = (staff as StaffSignIn | null)?.sessions;
if (!sessions) throw new Error('no staff sign-in');

const person = (sub: string, name: string, role: Person['role'], profiles: Person['profiles']): Person => ({
  sub,
  name,
  email: `${sub}@northwind.example`,
  role,
  profiles,
});
const open = async (who: Person, address: string, userAgent: string) =>
  (await sessions.open({ kind: 'oidc', person: who, tokens: null, address, userAgent })).handle;
const ida = await open(person('ida', 'Ida Admin', 'admin', '*'), '203.0.113.7', CHROME);
await open(person('ana', 'Ana Agent', 'agent', [UK]), '198.51.100.23', FIREFOX);
await open(person('ana', 'Ana Agent', 'agent', [UK]), '198.51.100.41', CHROME);
const vic = await open(person('vic', 'Vic Viewer', 'viewer', '*'), '2001:db8::1f', FIREFOX);

const browser = await chromium.launch(chromiumLaunchOptions);
const shots = [
  { name: 'signed-in', cookie: ida },
  { name: 'signed-in-dark', cookie: ida, dark: true },
  { name: 'signed-in-phone', cookie: ida, phone: true },
  { name: 'signed-in-phone-dark', cookie: ida, phone: true, dark: true },
  { name: 'signed-in-viewer', cookie: vic, ready: '.empty' },
  { name: 'signed-in-no-js', cookie: ida, noJs: true },
];
try {
  for (const shot of shots) {
    const context = await browser.newContext({
      viewport: shot.phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
      colorScheme: shot.dark ? 'dark' : 'light',
      locale: 'en-US',
      javaScriptEnabled: !shot.noJs,
    });
    await context.addCookies([{ name: 'sent_console_session', value: shot.cookie, url: server.url }]);
    const page = await context.newPage();
    if (shot.noJs) {
      // Signs Ana out with the row's plain form; the gateway answers with the screen again.
      await page.goto(`${server.url}/activity/signed-in`);
      await page.getByRole('button', { name: 'Sign out Ana Agent' }).first().click();
      await page.locator('.sessions-status').waitFor();
    } else {
      await openConsole(page, `${server.url}/activity/signed-in`);
    }
    await page
      .locator(shot.ready ?? '.sessions-table')
      .first()
      .waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${OUT}/${shot.name}.png` });
    console.log(`${OUT}/${shot.name}.png`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  await trail.close();
  api.close();
  rmSync(served, { recursive: true, force: true });
}
