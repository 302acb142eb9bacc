// The attack suite's target: the real gateway (compose.ts, as `npm start` builds it) on a loopback port, in one of
// the three sign-in modes, with the embedded API, a throw-away audit trail and a stand-in server renderer that
// fetches what the console's first screen would. People sign in as a browser would (the OpenID provider's
// forms, the access-secret form); the suite then acts with their cookie over raw HTTP.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmbeddedApi, type EmbeddedApi } from '../../api/server.ts';
import type { StoredEntry } from '../../audit/entry.ts';
import { ACCESS_COOKIE } from '../../gateway/access-secret.ts';
import { composeGateway, type Gateway, type GatewayParts } from '../../gateway/compose.ts';
import { STAFF_SESSION_COOKIE } from '../../gateway/identity/routes.ts';
import { createStaffSignIn } from '../../gateway/identity/staff-sign-in.ts';
import { type Fetch, listen } from '../../gateway/server.ts';
import { SSR_DIR, SSR_ENTRY } from '../../gateway/ssr.ts';
import { embeddedUpstream, type Upstream } from '../../gateway/upstream.ts';
import { makeFixtureDist } from '../gateway-harness.ts';
import { testSettings } from '../identity-app.ts';
import { startTestProvider, type TestProvider } from '../oidc-provider.ts';
import { testParts } from '../parts.ts';
import { startTempAudit, type TempAudit } from '../temp-audit.ts';
import { createTestBrowser } from '../test-browser.ts';
import { send } from './http.ts';

export type Mode = 'none' | 'secret' | 'oidc';
export const MODES: readonly Mode[] = ['none', 'secret', 'oidc'];
export const SECRET = 'security-suite-access-secret-0123';

/** OIDC logins (server/testing/oidc-provider.ts): agent and admin of Clinics UK only, viewer and admin of all. */
export const PEOPLE = { viewer: 'vic', agent: 'ana', admin: 'ida', ukAdmin: 'uma' } as const;
export type Who = keyof typeof PEOPLE;

// Fetches what the console's first screen would: a contact's deep link, a lookup, or a page (with its search).
const RENDERER = `
export async function renderPage({ url, api }) {
  const u = new URL(url, 'http://x');
  const profile = u.searchParams.get('profile');
  const headers = { accept: 'application/json', ...(profile ? { 'x-profile-id': profile } : {}) };
  const contact = /^\\/contacts\\/([^/]+)$/.exec(u.pathname);
  const phone = u.searchParams.get('phone');
  const search = u.searchParams.get('search');
  const path = contact ? '/v3/contacts/' + contact[1]
    : phone ? '/v3/contacts?page=1&page_size=1&phone=' + encodeURIComponent(phone)
    : '/v3/contacts?page=' + (u.searchParams.get('page') ?? 1) + '&page_size=20'
      + (search ? '&search=' + encodeURIComponent(search) : '');
  const res = await api(path, { headers });
  const text = (await res.text()).replace(/[<&]/g, '');
  return { html: '<pre id="answer" data-status="' + res.status + '">' + text + '</pre>', state: '{}' };
}`;

export interface Console {
  mode: Mode;
  url: string;
  api: EmbeddedApi;
  trail: TempAudit;
  /** Every API request that reached the upstream, with the headers it carried. */
  upstreamSeen: { path: string; headers: Headers }[];
  gateway: Gateway;
  /** The Cookie header of someone signed in (none: the loopback user, who needs none). */
  cookieOf(who: Who): Promise<string>;
  /** The trail as stored, newest first (read directly, whatever the gateway would show). */
  entries(): Promise<StoredEntry[]>;
  close(): Promise<void>;
}

export interface ConsoleOptions {
  /** Other parts of the gateway (a team in front of the API, the read limit and counter, a log). */
  parts?: Partial<GatewayParts>;
  contactsPerProfile?: number;
}

/** Signs in on the provider's forms (any password), and returns the console's session cookie. */
async function oidcCookie(url: string, login: string): Promise<string> {
  const browser = createTestBrowser();
  const start = await browser.navigate(`${url}/`, { headers: { accept: 'text/html' } });
  const loginPage = await start.res.text();
  const consent = await browser.submitForm(start.url, loginPage, { login, password: 'any' });
  await browser.submitForm(consent.url, await consent.res.text());
  const session = browser.cookie('127.0.0.1', STAFF_SESSION_COOKIE);
  if (!session) throw new Error(`${login} could not sign in`);
  return `${STAFF_SESSION_COOKIE}=${session}`;
}

async function secretCookie(url: string): Promise<string> {
  const res = await send(url, '/__signin', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    body: `token=${SECRET}&next=%2F`,
  });
  const set = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith(`${ACCESS_COOKIE}=`));
  if (!set) throw new Error(`the access secret did not sign in (${res.status})`);
  return set.split(';')[0] ?? '';
}

export async function startConsole(mode: Mode, opts: ConsoleOptions = {}): Promise<Console> {
  const api = createEmbeddedApi({ contactsPerProfile: opts.contactsPerProfile ?? 60, rateLimit: false });
  await api.ready;
  const trail = await startTempAudit();
  const dist = makeFixtureDist();
  mkdirSync(join(dist, SSR_DIR));
  writeFileSync(join(dist, SSR_DIR, SSR_ENTRY), RENDERER);
  const upstreamSeen: Console['upstreamSeen'] = [];
  const embedded = embeddedUpstream(api);
  const seeing: Upstream = {
    ...embedded,
    fetch: (req, call) => {
      upstreamSeen.push({ path: new URL(req.url).pathname, headers: new Headers(req.headers) });
      return embedded.fetch(req, call);
    },
  };
  const handler: { current: Fetch } = { current: () => new Response(null, { status: 503 }) };
  const server = await listen((req, env) => handler.current(req, env), '127.0.0.1', 0);
  const provider: TestProvider | null =
    mode === 'oidc' ? await startTestProvider({ publicUrl: server.url }) : null;
  const gateway = await composeGateway(
    testParts(seeing, {
      settings: { apiVersion: 'v3', timeoutMs: 10_000, renderBudgetMs: 600_000, log: null },
      identity: {
        accessSecret: mode === 'secret' ? SECRET : null,
        staffSignIn: provider
          ? (upstream: Upstream) =>
              createStaffSignIn({ settings: testSettings(server.url, provider.issuer), upstream })
          : null,
      },
      audit: trail.audit,
      console: { distDir: dist },
      ...opts.parts,
    }),
  );
  handler.current = (req, env) => gateway.app.fetch(req, env);
  const cookies = new Map<Who, Promise<string>>();
  return {
    mode,
    url: server.url,
    api,
    trail,
    upstreamSeen,
    gateway,
    cookieOf(who) {
      if (mode === 'none') return Promise.resolve('');
      const known =
        cookies.get(who) ??
        (mode === 'oidc' ? oidcCookie(server.url, PEOPLE[who]) : secretCookie(server.url));
      cookies.set(who, known);
      return known;
    },
    async entries() {
      const all: StoredEntry[] = [];
      for await (const entry of trail.audit.service.store.iterate()) all.push(entry);
      return all.reverse();
    },
    async close() {
      await server.close();
      await gateway.stop();
      await provider?.stop();
      await trail.close();
      api.close();
    },
  };
}
