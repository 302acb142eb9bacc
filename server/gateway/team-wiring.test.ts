// The team budget as `npm start` wires it, over real HTTP: who each call is for (session cookie), the cache
// answering browsers and server rendering alike, what reaches the API, and who may read the operations
// endpoints (direct loopback callers, or the access secret).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeApi,
  makeFixtureDist,
  startFakeApi,
  startTestGateway,
  type TestGateway,
  type TestGatewayOptions,
} from '../testing/gateway-harness.ts';
import { SSR_DIR, SSR_ENTRY } from './ssr.ts';
import { parseTeamConfig } from './team/config.ts';
import { BROWSER_SESSION_COOKIE } from './team/requester.ts';

// Asks for what the console's first screen needs, like src/entry-server.tsx: the account, its profiles and
// the page of contacts the address names.
const RENDERER = `
export async function renderPage({ url, api }) {
  const page = new URL(url, 'http://x').searchParams.get('page') ?? '1';
  const get = (path) => api(path, { headers: { accept: 'application/json' } }).then((r) => r.json());
  await Promise.all([get('/v3/me'), get('/v3/profiles'), get('/v3/contacts?page=' + page + '&page_size=20')]);
  return { html: '<p>page ' + page + '</p>', state: '{}' };
}`;

const SECRET = 'correct-horse-battery-staple';
const METRICS_TOKEN = 'prometheus-scrape-token-0123';
let api: FakeApi;
let open: { gw: TestGateway };
let guarded: { gw: TestGateway };

async function gatewayWithTeam(overrides: TestGatewayOptions = {}) {
  const gw = await startTestGateway(api.url, { team: { config: parseTeamConfig({}) }, ...overrides });
  return { gw };
}

beforeAll(async () => {
  api = await startFakeApi();
  const dist = makeFixtureDist();
  mkdirSync(join(dist, SSR_DIR));
  writeFileSync(join(dist, SSR_DIR, SSR_ENTRY), RENDERER);
  open = await gatewayWithTeam({ distDir: dist, renderBudgetMs: 600_000 });
  guarded = await gatewayWithTeam({ accessSecret: SECRET, metricsToken: METRICS_TOKEN });
});
afterAll(async () => {
  for (const g of [open, guarded]) {
    await g.gw.close();
  }
  await api.close();
});
beforeEach(() => {
  api.seen.length = 0;
});

const metric = async (name: string, base = open.gw.url) => {
  const text = await (await fetch(`${base}/metrics`)).text();
  return text.split('\n').filter((l) => l.startsWith(name));
};

describe('the team in the gateway', () => {
  it("gives a new browser its session cookie and answers repeats from the cache, with the team's budget", async () => {
    const first = await fetch(`${open.gw.url}/v3/contacts/c1`);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      new RegExp(`^${BROWSER_SESSION_COOKIE}=[A-Za-z0-9_-]{22}; Path=/; HttpOnly; SameSite=Strict$`),
    );
    // Whether the cache answered is the log's and /metrics' business, not the browser's.
    expect(first.headers.has('x-cache')).toBe(false);
    expect(first.headers.get('x-ratelimit-limit')).toBe('150');
    expect(first.headers.get('x-ratelimit-mode')).toBe('local');

    const again = await fetch(`${open.gw.url}/v3/contacts/c1`, {
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(again.headers.has('x-cache')).toBe(false);
    expect(again.headers.has('set-cookie')).toBe(false);
    expect(api.seen).toHaveLength(1);
  });

  it('queues work the browser marks as background as such, and never sends the mark upstream', async () => {
    const before = await metric('sent_queue_wait_seconds_count{priority="background"');
    const res = await fetch(`${open.gw.url}/v3/contacts?page=9`, {
      headers: { 'x-sent-priority': 'background' },
    });
    expect(res.status).toBe(200);
    expect(api.seen[0]?.headers['x-sent-priority']).toBeUndefined();
    expect(await metric('sent_queue_wait_seconds_count{priority="background"')).not.toEqual(before);
  });

  it('server rendering goes through the same cache: with the account warm a navigation costs one request', async () => {
    const nav = (path: string) =>
      fetch(open.gw.url + path, { headers: { accept: 'text/html' } }).then((r) => r.text());
    expect(await nav('/?page=1')).toContain('<p>page 1</p>');
    expect(api.seen.map((s) => s.url).sort()).toEqual([
      '/v3/contacts?page=1&page_size=20',
      '/v3/me',
      '/v3/profiles',
    ]);
    api.seen.length = 0;
    expect(await nav('/?page=2')).toContain('<p>page 2</p>');
    expect(api.seen.map((s) => s.url)).toEqual(['/v3/contacts?page=2&page_size=20']);
  });
});

describe('operations endpoints', () => {
  it('answer a direct loopback caller without the access secret', async () => {
    const ready = await fetch(`${guarded.gw.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { upstream: 'ok' } });
    expect((await fetch(`${guarded.gw.url}/healthz`)).status).toBe(200);
    expect(await metric('sent_budget_limit_per_minute', guarded.gw.url)).toEqual([
      'sent_budget_limit_per_minute 150',
    ]);
  });

  it('refuse a caller that came through a proxy, even with the access secret, unless it has METRICS_TOKEN', async () => {
    const forwarded = { 'x-forwarded-for': '203.0.113.9' };
    for (const auth of [{}, { authorization: `Bearer ${SECRET}` }] as Record<string, string>[]) {
      const refused = await fetch(`${guarded.gw.url}/metrics`, { headers: { ...forwarded, ...auth } });
      expect(refused.status).toBe(403);
      expect(await refused.text()).not.toContain('sent_budget');
    }
    const allowed = await fetch(`${guarded.gw.url}/metrics`, {
      headers: { ...forwarded, authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('sent_budget_limit_per_minute 150');
  });
});
