import type { Page } from 'playwright-core';

/**
 * Holds the console's entry script back on this page until the returned function is called, so a test or
 * benchmark can act on the server-rendered HTML before React takes over (later documents too, until then).
 */
export async function holdAppScripts(page: Pick<Page, 'route'>): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/assets/index-*.js', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
