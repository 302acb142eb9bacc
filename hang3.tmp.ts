import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { createEmbeddedApi } from './server/api/server.ts';
import { startAppServer } from './server/tools/app-server.ts';
import { chromiumLaunchOptions } from './server/tools/chromium.ts';
const api = createEmbeddedApi({ rateLimit: false });
await api.ready;
const server = await startAppServer({ distDir: 'dist', api, apiKey: 'sk_test_org_demo' });
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage();
  page.on('console', (m) => console.log('console:', m.text().slice(0, 200)));
  await page.goto(`${server.url}/import`);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await page.getByLabel(/^A file/).setInputFiles({ name: 'g.csv', mimeType: 'text/csv', buffer: readFileSync('src/features/import/fixtures/google-contacts.csv') });
  await page.getByLabel('Numbers without a country code are in').selectOption('GB');
  await page.getByRole('button', { name: 'Import 8 numbers' }).waitFor();
  console.log('import button there');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Debugger.enable');
  for (let i = 0; i < 10; i++) {
    const t = Date.now();
    const ok = await Promise.race([page.evaluate(() => 1).then(() => true), new Promise((r) => setTimeout(() => r(false), 4000))]);
    console.log('evaluate', ok, Date.now() - t);
    if (!ok) {
      const paused = new Promise((r) => cdp.once('Debugger.paused', r));
      await cdp.send('Debugger.pause');
      const p: any = await paused;
      console.log(p.callFrames.slice(0, 20).map((f: any) => `${f.functionName} ${f.url.split('/').pop()}:${f.location.lineNumber}:${f.location.columnNumber}`).join('\n'));
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await page.getByRole('checkbox', { name: /^Phone 1 - Value/ }).uncheck({ timeout: 10000 });
  console.log('unchecked');
} finally {
  await browser.close(); await server.close(); api.close();
}
