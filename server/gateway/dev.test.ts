// `npm run dev` is the whole gateway in front of Vite: server key added, browser credentials dropped, allowlist
// enforced, the gateway's own paths answered, and the app itself still served by Vite, hot reloading included.
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_KEY, deadUrl, type FakeApi, SERVER_KEY, startFakeApi } from '../testing/gateway-harness.ts';

let api: FakeApi;
let dev: ChildProcess;
let url: string;

beforeAll(async () => {
  api = await startFakeApi();
  url = await deadUrl(); // a free port for Vite
  dev = spawn(process.execPath, ['--import', 'tsx', 'server/gateway/dev.ts'], {
    env: {
      ...process.env,
      SENT_API_URL: api.url,
      SENT_DM_API_KEY: SERVER_KEY,
      PORT: new URL(url).port,
      GATEWAY_LOG: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colours
      output += chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
      // Vite moves to the next port if ours was taken meanwhile: use the URL it prints.
      const local = /Local:\s+(http:\/\/[^\s/]+)/.exec(output);
      if (local?.[1]) {
        url = local[1];
        resolve();
      }
    };
    dev.stdout?.on('data', onData);
    dev.stderr?.on('data', onData);
    dev.once('exit', (code) => reject(new Error(`dev server exited (${code}): ${output}`)));
  });
}, 60_000);

afterAll(async () => {
  if (dev.exitCode === null) {
    const exited = new Promise((resolve) => dev.once('exit', resolve));
    dev.kill('SIGTERM');
    await exited;
  }
  await api.close();
});

describe('npm run dev', () => {
  it('adds the server key and drops the browser key and cookies', async () => {
    const res = await fetch(`${url}/v3/contacts?page=1&page_size=5`, {
      headers: { 'x-api-key': BROWSER_KEY, cookie: 'session=abc', 'x-profile-id': 'p1', 'x-sender-id': 's1' },
    });
    expect(res.status).toBe(200);
    const seen = api.seen.at(-1)?.headers ?? {};
    expect(seen['x-api-key']).toBe(SERVER_KEY);
    expect(seen.cookie).toBeUndefined();
    expect(seen['x-profile-id']).toBe('p1');
    expect(seen['x-sender-id']).toBeUndefined(); // v1's scope header, not checked for a v3 call
    expect(res.headers.get('x-request-id')).toBe('req_fake123');
  });

  it('enforces the allowlist without reaching upstream', async () => {
    const before = api.seen.length;
    const res = await fetch(`${url}/v3/contacts/abc`, { method: 'PUT' });
    expect(res.status).toBe(405);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('GATEWAY_004');
    expect(api.seen.length).toBe(before);
  });

  it("answers the gateway's own paths, as npm start does", async () => {
    const me = await fetch(`${url}/__me`);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { data: { person: unknown } }).data.person).toBeNull();
    // Nobody signed in, so no numbers are masked: the gateway's own refusal, not Vite's page.
    const reveal = await fetch(`${url}/__reveal/c1`, {
      method: 'POST',
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(((await reveal.json()) as { error: { code: string } }).error.code).toBe('GATEWAY_003');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('still serves the app through Vite', async () => {
    const res = await fetch(`${url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    expect((await fetch(`${url}/@vite/client`)).headers.get('content-type')).toMatch(/javascript/);
  });

  it("keeps Vite's hot reloading: its websocket upgrades", async () => {
    const { hostname, port } = new URL(url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({
        hostname,
        port,
        path: '/',
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
          'sec-websocket-protocol': 'vite-hmr',
        },
      });
      req.on('upgrade', (res, socket) => {
        socket.destroy();
        resolve(res.statusCode ?? 0);
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(101);
  });
});
