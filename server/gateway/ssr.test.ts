// The gateway's side of server rendering, with a stand-in renderer module in a fixture build: when it
// renders, what the page looks like and carries, and that every failure falls back to the plain shell.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type FakeApi,
  makeFixtureDist,
  SERVER_KEY,
  startFakeApi,
  startTestGateway,
  type TestGateway,
} from '../testing/gateway-harness.ts';

import { SSR_DIR, SSR_ENTRY } from './ssr.ts';

// Renders what the API answered for the first list page, and fails on demand (?fail), hangs (?hang) or waits
// until the test opens the gate (?gate, globalThis.ssrTestGate: the renderer runs in this process).
const RENDERER = `
export async function renderPage({ url, api, cookies }) {
  if (url.includes('fail')) return null;
  if (url.includes('hang')) return new Promise(() => {});
  if (url.includes('gate')) await globalThis.ssrTestGate;
  const response = await api('/v3/contacts?page=1&page_size=20', { headers: { accept: 'application/json' } });
  const body = await response.json();
  return { html: '<p>rows for ' + body.data.path + ' $& ' + cookies + '</p>', state: '{"queries":1}' };
}`;

const logged: string[] = [];
let api: FakeApi;
let gateway: TestGateway;
let plain: TestGateway;
/** A render budget no test reaches: what it shows cannot depend on how fast the machine is. */
let patient: TestGateway;
const page = (base: string, path: string, headers: Record<string, string> = {}) =>
  fetch(base + path, { headers: { accept: 'text/html', ...headers } });

beforeAll(async () => {
  api = await startFakeApi();
  const dist = makeFixtureDist();
  mkdirSync(join(dist, SSR_DIR));
  writeFileSync(join(dist, SSR_DIR, SSR_ENTRY), RENDERER);
  gateway = await startTestGateway(
    api.url,
    { distDir: dist, testControls: true, renderBudgetMs: 500 },
    (line) => logged.push(line),
  );
  plain = await startTestGateway(api.url, { distDir: makeFixtureDist() });
  patient = await startTestGateway(api.url, { distDir: dist, renderBudgetMs: 600_000 });
});
afterAll(async () => {
  await Promise.all([gateway.close(), plain.close(), patient.close(), api.close()]);
});

describe('server-rendered pages', () => {
  it('puts the rendered markup and the state script into the shell, through the proxy with the key', async () => {
    const res = await page(gateway.url, '/contacts/abc', { cookie: 'sent_privacy=on' });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    // `$&` survives as text: the markup is inserted literally, never as a replacement pattern.
    expect(html).toContain(
      '<div id="root"><p>rows for /v3/contacts?page=1&page_size=20 $& sent_privacy=on</p></div>' +
        '<script type="application/json" id="sent-state">{"queries":1}</script>',
    );
    expect(api.seen.at(-1)?.headers['x-api-key']).toBe(SERVER_KEY);
    expect(api.seen.at(-1)?.headers.cookie).toBeUndefined();
  });

  it('sends the head at once, before the data is in, so CSS and JS load meanwhile', async () => {
    // The render cannot finish before the gate opens, and the gate opens only once the head has arrived.
    let open = () => {};
    (globalThis as { ssrTestGate?: Promise<void> }).ssrTestGate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const res = await page(patient.url, '/?gate');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const first = decoder.decode((await reader.read()).value, { stream: true });
    expect(first).toContain('<script type="module" src="/assets/index-AbC123xY.js">');
    expect(first.endsWith('<div id="root">')).toBe(true);
    open();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      rest += decoder.decode(chunk.value, { stream: true });
    expect(rest).toMatch(/^<p>rows for \/v3\/contacts\?page=1&page_size=20 .*<\/p><\/div><script /);
  });

  it('compresses the page when the browser accepts gzip', async () => {
    const { request } = await import('node:http');
    const { port } = new URL(gateway.url);
    const body = await new Promise<Buffer>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/', headers: { accept: 'text/html', 'accept-encoding': 'gzip' } },
        (res) => {
          expect(res.headers['content-encoding']).toBe('gzip');
          const chunks: Buffer[] = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks)));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(gunzipSync(body).toString()).toContain('<p>rows for');
  });

  it('falls back to the plain shell: renderer declines, too slow, not built, test opt-out, not a page', async () => {
    const shell = (html: string) => html.includes('<div id="root"></div>') && !html.includes('sent-state');
    const renderLogged = (outcome: string) =>
      vi.waitFor(() => expect(/render=(\S+)/.exec(logged.at(-1) ?? '')?.[1]).toBe(outcome));
    await (await page(gateway.url, '/')).text();
    await renderLogged('server');
    expect(shell(await (await page(gateway.url, '/?fail')).text())).toBe(true);
    await renderLogged('shell:declined');
    // A render that never ends still gets the shell (the budget here is 500 ms, the test's timeout 5 s).
    expect(shell(await (await page(gateway.url, '/?hang')).text())).toBe(true);
    await renderLogged('shell:timeout');
    expect(shell(await (await page(plain.url, '/')).text())).toBe(true);
    expect(shell(await (await page(gateway.url, '/', { 'x-test-ssr': 'off' })).text())).toBe(true);
    expect(shell(await (await fetch(`${gateway.url}/`, { headers: { accept: '*/*' } })).text())).toBe(true);
  });
});
