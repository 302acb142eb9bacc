// Shared by the number lookup gateway tests (server/gateway/numbers.test.ts, contact-numbers.test.ts): the
// gateway (compose.ts) in OIDC mode (staff sign-in, team budget and cache, audit trail, the embedded API, a
// stand-in renderer), server-side sessions for a viewer, an agent of Clinics UK and an admin, opened through the
// gateway's own session store, and what reached the API. Requests go as the console's fetch sends them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { numberLookupPath } from '../../src/shared/numbers.ts';
import { DEMO_IDS } from '../api/demo.ts';
import { createEmbeddedApi, type EmbeddedApi } from '../api/server.ts';
import type { StoredEntry } from '../audit/entry.ts';
import type { Person } from '../gateway/identity/person.ts';
import { STAFF_SESSION_COOKIE } from '../gateway/identity/routes.ts';
import { createStaffSignIn } from '../gateway/identity/staff-sign-in.ts';
import { SSR_DIR, SSR_ENTRY } from '../gateway/ssr.ts';
import { parseTeamConfig } from '../gateway/team/config.ts';
import { embeddedUpstream } from '../gateway/upstream.ts';
import { makeFixtureDist, startTestGateway, type TestGateway } from './gateway-harness.ts';
import { noProvider, signedIn, testSettings } from './identity-app.ts';
import { startTempAudit, type TempAudit } from './temp-audit.ts';

// A contact page asks for its card the way the console's renderer does, and prints what it got.
const RENDERER = `
export async function renderPage({ url, api }) {
  const u = new URL(url, 'http://x');
  const id = u.pathname.split('/').pop();
  const res = await api('/__numbers/contact/' + id, {
    headers: { accept: 'application/json', 'x-profile-id': u.searchParams.get('profile') } });
  const body = await res.json();
  return { html: '<p>' + res.status + ' ' + (body.data ? body.data.phone_number + ' ' + body.data.line_type : body.error.code) + '</p>', state: '{}' };
}`;

export const UK = DEMO_IDS.clinicsUk;
export const DE = DEMO_IDS.labsDe;
export const MOBILE = '+4915123456789';
const PEOPLE: Record<string, Person> = {
  viewer: { sub: 'vic', name: 'Vic', email: null, role: 'viewer', profiles: '*' },
  agent: { sub: 'ana', name: 'Ana', email: null, role: 'agent', profiles: [UK] },
  admin: { sub: 'ida', name: 'Ida', email: null, role: 'admin', profiles: '*' },
};

export const inProfile = (profile: string) => ({ headers: { 'x-profile-id': profile } });
/** The lookup an answer carries (Node's `Response.json()` is `unknown`). */
export const factsOf = async (res: Response) =>
  ((await res.json()) as { data: Record<string, unknown> }).data;
/** As the console spells it (src/shared/numbers.ts). */
export const lookupPath = numberLookupPath;

/** The gateway for the calling test file, started before its tests and stopped after them. */
export function numbersGateway() {
  const state = {} as {
    api: EmbeddedApi;
    trail: TempAudit;
    gw: TestGateway;
    cookies: Record<string, string>;
    ukContact: { id: string; format_e164: string };
  };
  /** Paths of the number lookups that reached the API. */
  const upstreamLookups: string[] = [];

  async function send(who: string | null, path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    // A browser says where a request comes from; the console's own fetches are same-origin.
    if (!headers.has('sec-fetch-site')) headers.set('sec-fetch-site', 'same-origin');
    if (who) headers.set('cookie', `${STAFF_SESSION_COOKIE}=${state.cookies[who]}`);
    return fetch(state.gw.url + path, { ...init, headers, redirect: 'manual' });
  }

  async function entries(action = 'number.lookup'): Promise<StoredEntry[]> {
    const res = await send('admin', `/__audit?page_size=500&action=${action}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { data: StoredEntry[] }).data;
  }

  /** Runs `act`; the number.lookup entries it added, oldest first. */
  async function recorded(act: () => Promise<unknown>): Promise<StoredEntry[]> {
    const before = (await entries())[0]?.seq ?? 0;
    await act();
    return (await entries()).filter((e) => e.seq > before).reverse();
  }

  beforeAll(async () => {
    // Shared by every test of the file: Sent's burst limit is not what these tests are about.
    state.api = createEmbeddedApi({ contactsPerProfile: 40, rateLimit: false });
    await state.api.ready;
    const inner = embeddedUpstream(state.api);
    const counting: typeof inner = {
      ...inner,
      fetch: (req, opts) => {
        const { pathname } = new URL(req.url);
        if (pathname.startsWith('/v3/numbers/')) upstreamLookups.push(pathname);
        return inner.fetch(req, opts);
      },
    };
    state.trail = await startTempAudit();
    const dist = makeFixtureDist();
    mkdirSync(join(dist, SSR_DIR));
    writeFileSync(join(dist, SSR_DIR, SSR_ENTRY), RENDERER);
    const settings = testSettings('http://127.0.0.1:5173');
    const staffSignIn = await createStaffSignIn({ settings, upstream: inner, oidc: noProvider });
    state.gw = await startTestGateway('http://unused', {
      upstream: counting,
      team: { config: parseTeamConfig({}) },
      audit: state.trail.audit,
      staffSignIn,
      distDir: dist,
      renderBudgetMs: 600_000,
    });
    state.cookies = await signedIn(staffSignIn.sessions, PEOPLE);
    const list = await send('admin', '/v3/contacts?page=1&page_size=1', inProfile(UK));
    [state.ukContact] = (
      (await list.json()) as { data: { contacts: [typeof state.ukContact] } }
    ).data.contacts;
  });

  afterAll(async () => {
    await state.gw?.close();
    await state.trail?.close();
    state.api?.close();
  });

  return {
    send,
    entries,
    recorded,
    upstreamLookups,
    get api() {
      return state.api;
    },
    get ukContact() {
      return state.ukContact;
    },
  };
}
