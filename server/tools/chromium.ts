// Debian's Chromium, launched the one way that works on these machines (no sandbox as root, no background
// networking: the network is closed). Shared by Playwright's config, the benchmarks and the screenshot tools.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/**
 * Opens a console page and waits until React has taken over the server-rendered HTML (html[data-ready]):
 * its controls do nothing before that. For the screenshot tools (the e2e fixtures do the same for tests).
 */
export async function openConsole(page: import('playwright-core').Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
}
