/**
 * Part of `npm run bench:ui`: a caller's number pasted and Enter pressed the moment the first screen shows,
 * before the app's JavaScript has taken over. The lookup is then a plain GET form that the gateway's
 * renderer answers; measured from the first rows on screen to the contact shown (the server's answer) and
 * to the contact's own page (the app, hydrated on the answer, opens it).
 */
import type { Browser } from 'playwright-core';
import { holdAppScripts } from '../testing/hold-app-scripts.ts';

/** Runs in every document: notes (as epoch ms) when the lookup's answer and then the contact page appear. */
const PROBE = `
  window.__at = () => performance.timeOrigin + performance.now();
  new MutationObserver((_, observer) => {
    if (!window.__firstRows && document.querySelector('tbody tr.row-link')) window.__firstRows = window.__at();
    if (!window.__shown && location.search.includes('phone=') && document.querySelector('main .empty h2')) {
      window.__shown = window.__at();
    }
    if (document.querySelector('#contact-title')) {
      window.__contact = window.__at();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });`;

/** Fills the lookup and submits its form in the same task (no round trip to the test between the two). */
const SUBMIT = (number: string) => `(() => {
  const input = document.querySelector('input[name="phone"]');
  input.value = ${JSON.stringify(number)};
  input.form.requestSubmit();
})()`;

export interface EarlyLookup {
  /** First rows on screen → the lookup's answer on screen. */
  shown: number;
  /** First rows on screen → the contact's page (the app has taken over). */
  contact: number;
}

/** One cold run (new context): holds the app's entry script back until Enter, so it is surely before hydration. */
export async function earlyLookup(browser: Browser, base: string, number: string): Promise<EarlyLookup> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  const release = await holdAppScripts(page);
  await page.goto(base, { waitUntil: 'commit' });
  // In-page code as strings, like ./ui-pages.ts: this Node project has no DOM types.
  // Predicates as functions: a string one is compiled in the page, which the console's CSP forbids.
  const firstRows = Number(
    await (
      await page.waitForFunction(() => (globalThis as { __firstRows?: number }).__firstRows)
    ).jsonValue(),
  );
  if (await page.locator('html[data-ready]').count()) throw new Error('hydrated before the lookup');
  await page.evaluate(SUBMIT(number));
  release();
  const contact = Number(
    await (
      await page.waitForFunction(() => (globalThis as { __contact?: number }).__contact, null, {
        timeout: 30_000,
      })
    ).jsonValue(),
  );
  const shown = Number(await page.evaluate('window.__shown'));
  await context.close();
  return { shown: shown - firstRows, contact: contact - firstRows };
}

/** A number of the demo data in national format (with the US default region, as the lookup assumes here). */
export async function usNationalNumber(base: string): Promise<string> {
  const response = await fetch(`${base}/v3/contacts?page=1&page_size=100`);
  const body = (await response.json()) as {
    data: { contacts: { region_code: string; format_national: string }[] };
  };
  const us = body.data.contacts.find((contact) => contact.region_code === 'US');
  if (!us) throw new Error('no US contact in the demo data');
  return us.format_national;
}
