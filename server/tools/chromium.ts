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
