// The attack suite's gateways (sessions, redirects, assets, proxies): the real gateway (compose.ts: every
// middleware) in front of the embedded API, in each sign-in mode, with an audit trail, built files and a
// stand-in server renderer that prints what a page would carry of the account. OIDC mode signs in through a
// real provider (server/testing/oidc-provider.ts) with a cookie-jar browser, as an attacker's script would.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { DEMO_IDS } from '../../api/demo.ts';
import type { EmbeddedApi } from '../../api/server.ts';
import type { Action, StoredEntry } from '../../audit/entry.ts';
import { composeGateway } from '../../gateway/compose.ts';
import { DEMO_ORG_KEY } from '../../gateway/config.ts';
import type { OidcSettings } from '../../gateway/identity/config.ts';
import { parsePolicy } from '../../gateway/identity/policy.ts';
import { createStaffSignIn, type StaffSignIn } from '../../gateway/identity/staff-sign-in.ts';
import { serveGateway } from '../../gateway/server.ts';
import type { SessionStore } from '../../gateway/sessions/store.ts';
import { SSR_DIR, SSR_ENTRY } from '../../gateway/ssr.ts';
import { parseTeamConfig } from '../../gateway/team/config.ts';
import type { TrustedProxies } from '../../gateway/trust-proxy.ts';
import { embeddedUpstream } from '../../gateway/upstream.ts';
import { makeFixtureDist } from '../gateway-harness.ts';
import { startTestProvider, TEST_POLICY, type TestProvider } from '../oidc-provider.ts';
import { testParts } from '../parts.ts';
import { freePort } from '../redis-server.ts';
import { startTempAudit, type TempAudit } from '../temp-audit.ts';
import { createTestBrowser, type StopAt, type TestBrowser } from '../test-browser.ts';

export type Mode = 'none' | 'secret' | 'oidc';
export const MODES: Mode[] = ['none', 'secret', 'oidc'];
export const SECRET = 'security-suite-access-secret-0123';
export const MINUTE = 60_000;

/** What a page must never carry to someone not signed in: the organization, its emails, its profile ids. */
export const ACCOUNT_MARKERS = ['Northwind Health', 'northwind-health.example', DEMO_IDS.clinicsUk];

// Prints the account as a page render fetches it (the real renderer puts the same into the page's state).
const RENDERER = `
export async function renderPage({ api }) {
  const get = async (path) => (await api(path, { headers: { accept: 'application/json' } })).text();
  return { html: '<pre>' + (await get('/v3/me')) + (await get('/v3/profiles')) + '</pre>', state: '{}' };
}`;

export interface TestClock {
  t: number;
  now(): number;
}

export interface GatewayUnderTest {
  mode: Mode;
  url: string;
  trail: TempAudit;
  provider: TestProvider | null;
  staffSignIn: StaffSignIn | null;
  clock: TestClock;
  /** A new browser: signed in as `login` at the provider (OIDC), with the secret, or as is (none). */
  signedIn(login?: string): Promise<TestBrowser>;
  /** The trail's entries of these actions, oldest first. */
  entries(...actions: Action[]): Promise<StoredEntry[]>;
  close(): Promise<void>;
}

export interface GatewayUnderTestOptions {
  api: EmbeddedApi;
  /** Another replica's provider, PUBLIC_URL and trail (replicas share them). */
  provider?: TestProvider;
  publicUrl?: string;
  trail?: TempAudit;
  /** The sessions' store (Redis shared by replicas), either sign-in method; default: this process's memory. */
  store?: SessionStore;
  refreshTokens?: boolean;
  trustProxy?: TrustedProxies | null;
  metricsToken?: string | null;
  /** The team (budget, /healthz, /readyz, /metrics) in front of the API, as `npm start` has it. */
  team?: boolean;
}

/** TEST_POLICY plus an admin of one profile only (Uma, below). */
const POLICY = {
  groups: { ...TEST_POLICY.groups, 'uk-admins': { role: 'admin', profiles: [DEMO_IDS.clinicsUk] } },
};
const UMA = { name: 'Uma UK-Admin', email: 'uma@northwind.example', groups: ['uk-admins'] };

export function oidcSettings(publicUrl: string, issuer: string): OidcSettings {
  return {
    issuer: new URL(issuer),
    clientId: 'sent-console',
    clientSecret: 'test-client-secret-0123456789abcdef',
    publicUrl,
    scopes: 'openid email profile',
    groupsClaim: 'groups',
    sessionSecrets: ['security-suite-session-secret-0123456789'],
    idleMs: 30 * MINUTE,
    absoluteMs: 720 * MINUTE,
    recheckMs: 15 * MINUTE,
    policy: parsePolicy(POLICY, 'test'),
  };
}

/**
 * Signs in at the provider's own forms (login, then consent when asked) and lands back on the console, or
 * stops at the answer of a URL `stopAt` accepts (the callback, to read where it sends the browser).
 */
export async function providerSignIn(browser: TestBrowser, start: string, login: string, stopAt?: StopAt) {
  const first = await browser.navigate(start, { headers: { accept: 'text/html' } });
  const loginPage = await first.res.text();
  expect(loginPage).toContain('name="login"');
  let step = await browser.submitForm(first.url, loginPage, { login, password: 'any' }, stopAt);
  const page = await step.res.clone().text();
  if (page.includes('name="prompt" value="consent"'))
    step = await browser.submitForm(step.url, page, {}, stopAt);
  return step;
}

export async function startGatewayUnderTest(
  mode: Mode,
  o: GatewayUnderTestOptions,
): Promise<GatewayUnderTest> {
  const clock: TestClock = { t: Date.now(), now: () => clock.t };
  const port = await freePort();
  const publicUrl = o.publicUrl ?? `http://127.0.0.1:${port}`;
  const provider =
    mode === 'oidc'
      ? (o.provider ?? (await startTestProvider({ publicUrl, refreshTokens: o.refreshTokens })))
      : null;
  if (provider) provider.users.uma ??= structuredClone(UMA);
  const trail = o.trail ?? (await startTempAudit());
  const dist = makeFixtureDist();
  mkdirSync(join(dist, SSR_DIR));
  writeFileSync(join(dist, SSR_DIR, SSR_ENTRY), RENDERER);
  let staffSignIn: StaffSignIn | null = null;
  const settings = { idleMs: 30 * MINUTE, absoluteMs: 720 * MINUTE, recheckMs: 15 * MINUTE };
  const gateway = await composeGateway(
    testParts(embeddedUpstream(o.api, DEMO_ORG_KEY), {
      settings: {
        apiVersion: 'v3',
        timeoutMs: 5_000,
        renderBudgetMs: 5_000,
        log: null,
        trustProxy: o.trustProxy ?? null,
        metricsToken: o.metricsToken ?? null,
      },
      team: o.team ? { config: parseTeamConfig({}), options: { log: () => {} } } : null,
      identity: {
        accessSecret: mode === 'secret' ? SECRET : null,
        staffSignIn: provider
          ? async (upstream, store) => {
              const settings = oidcSettings(publicUrl, provider.issuer);
              staffSignIn = await createStaffSignIn({ settings, upstream, now: clock.now, store });
              return staffSignIn;
            }
          : null,
        sessions: o.store ? { store: o.store, settings } : undefined,
      },
      audit: trail.audit,
      console: { distDir: dist },
    }),
  );
  const gw = await serveGateway(gateway, '127.0.0.1', port);
  const url = gw.url;

  async function signedIn(login = 'ida'): Promise<TestBrowser> {
    const browser = createTestBrowser();
    if (mode === 'secret') {
      const res = await browser.request(`${url}/__signin`, {
        method: 'POST',
        headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: SECRET, next: '/' }),
      });
      expect(res.status).toBe(303);
    }
    if (mode === 'oidc') {
      const landed = await providerSignIn(browser, `${url}/auth/sign-in`, login);
      expect(landed.url.startsWith(publicUrl)).toBe(true); // replicas share PUBLIC_URL (one address)
    }
    return browser;
  }

  return {
    mode,
    url,
    trail,
    provider,
    staffSignIn,
    clock,
    signedIn,
    async entries(...actions) {
      const page = await trail.audit.service.store.query({ actions }, { pageSize: 500 });
      return [...page.entries].sort((a, b) => a.seq - b.seq);
    },
    async close() {
      await gw.close();
      if (!o.provider) await provider?.stop();
      if (!o.trail) await trail.close();
    },
  };
}
