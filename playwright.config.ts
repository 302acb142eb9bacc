import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './server/tools/chromium.ts';

// The run is self-contained: global setup builds the console once, starts the embedded API in-process
// and a few app servers on free loopback ports (one per API key), and stops them at the end.
// Artifacts go to a directory of this run: workers inherit the id, and a concurrent run elsewhere in the
// same checkout cannot delete our traces.
process.env.E2E_RUN_ID ??= String(process.pid);

export default defineConfig({
  outputDir: `test-results/run-${process.env.E2E_RUN_ID}`,
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  globalSetup: './e2e/support/global-setup.ts',
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
});
