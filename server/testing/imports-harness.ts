// For the route and worker tests: a real gateway (compose.ts: every middleware, staff sign-in when asked) on
// 127.0.0.1 in front of the embedded API (test controls on), an audit trail in a temp dir, a job store in SQLite,
// and workers made on demand with an injected clock, driven step by step (no timers, no sleeps).
import { request } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import type { ImportJob, ImportRequest } from '../../src/shared/imports.ts';
import { DEMO_IDS } from '../api/demo.ts';
import { createEmbeddedApi, type EmbeddedApi } from '../api/server.ts';
import type { GatewayParts } from '../gateway/compose.ts';
import { DEMO_ORG_KEY } from '../gateway/config.ts';
import type { Person } from '../gateway/identity/person.ts';
import { STAFF_SESSION_COOKIE } from '../gateway/identity/routes.ts';
import { createStaffSignIn } from '../gateway/identity/staff-sign-in.ts';
import { embeddedUpstream } from '../gateway/upstream.ts';
import type { ApiCall } from '../imports/host.ts';
import { importRoutes } from '../imports/routes.ts';
import { SqliteImportStore } from '../imports/sqlite-store.ts';
import type { ImportStore } from '../imports/store.ts';
import { ImportWorker, type StepResult, type WorkerOptions } from '../imports/worker.ts';
import { withFaultHeaders } from './api-faults.ts';
import { FakeClock } from './fake-clock.ts';
import { startTestGateway, type TestGateway } from './gateway-harness.ts';
import { noProvider, signedIn, testSettings } from './identity-app.ts';
import { startTempAudit, type TempAudit } from './temp-audit.ts';
import { withTestControls } from './test-controls.ts';

export const LEASE_MS = 15_000;
export const PEOPLE: Record<string, Person> = {
  admin: { sub: 'ida', name: 'Ida Admin', email: null, role: 'admin', profiles: '*' },
  agent: { sub: 'ana', name: 'Ana', email: null, role: 'agent', profiles: '*' },
  viewer: { sub: 'vic', name: 'Vic', email: null, role: 'viewer', profiles: '*' },
  /** An admin granted Clinics UK only. */
  ukAdmin: { sub: 'uma', name: 'Uma', email: null, role: 'admin', profiles: [DEMO_IDS.clinicsUk] },
};

export interface Harness {
  api: EmbeddedApi;
  gw: TestGateway;
  store: ImportStore;
  trail: TempAudit;
  clock: FakeClock;
  /** The gateway's own API routes (allowlist, key), as the worker calls them (test controls on). */
  calls: ApiCall;
  /** A request to the gateway; `who` signs it in (staff sign-in mode only). */
  send(path: string, init?: RequestInit & { who?: string }): Promise<Response>;
  worker(overrides?: Partial<WorkerOptions>): ImportWorker;
}

/** A harness for the file; `signIn: 'oidc'` puts staff sign-in in front (sessions sealed for PEOPLE). */
export function harnessForFile(options: { signIn: 'none' | 'oidc' }): Harness {
  const h = { clock: new FakeClock() } as Harness;
  let cookies: Record<string, string> = {};
  beforeAll(async () => {
    h.api = createEmbeddedApi(withFaultHeaders({ contactsPerProfile: 20, rateLimit: false }));
    await h.api.ready;
    const upstream = embeddedUpstream(h.api);
    h.trail = await startTempAudit();
    h.store = new SqliteImportStore(':memory:');
    const settings = testSettings('http://127.0.0.1:5173');
    const staffSignIn =
      options.signIn === 'oidc' ? await createStaffSignIn({ settings, upstream, oidc: noProvider }) : null;
    // The routes over the harness's store and clock; no worker of the gateway's own (tests make theirs).
    const imports: GatewayParts['imports'] = async (deps) => {
      h.calls = withTestControls(deps.callApi);
      return {
        routes: (host) =>
          importRoutes({ store: h.store, clock: h.clock, host, budgetPerMinute: 150, nudge: () => {} }),
        stop: async () => {},
      };
    };
    h.gw = await startTestGateway('http://unused', {
      upstream,
      staffSignIn,
      imports,
      audit: h.trail.audit,
      testControls: true,
    });
    cookies = staffSignIn ? await signedIn(staffSignIn.sessions, PEOPLE) : {};
  });
  afterAll(async () => {
    await h.gw?.close();
    await h.store?.close();
    await h.trail?.close();
    h.api?.close();
  });
  h.send = (path, init = {}) => {
    const headers = new Headers(init.headers);
    // As the console's fetch: a browser says where a request comes from (staff sign-in checks it on writes).
    headers.set('sec-fetch-site', 'same-origin');
    if (init.who) headers.set('cookie', `${STAFF_SESSION_COOKIE}=${cookies[init.who]}`);
    return fetch(h.gw.url + path, { ...init, headers });
  };
  h.worker = (overrides = {}) =>
    new ImportWorker({
      store: h.store,
      api: h.calls,
      recorder: h.trail.audit.service.recorder,
      leaseMs: LEASE_MS,
      clock: h.clock,
      concurrency: 3,
      ...overrides,
    });
  return h;
}

export type Envelope<T> = { success: boolean; data: T; error: { code: string; message: string } | null };

export const postJson = (body: unknown, who?: string): RequestInit & { who?: string } => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
  who,
});

/** Starts an import over HTTP and returns the job. */
export async function startImport(h: Harness, request: ImportRequest, who?: string): Promise<ImportJob> {
  const res = await h.send('/__imports', postJson(request, who));
  const body = (await res.json()) as Envelope<ImportJob>;
  if (res.status !== 201) throw new Error(`import not started: ${res.status} ${JSON.stringify(body.error)}`);
  return body.data;
}

/** Steps a worker until it has nothing left to do, moving the fake clock over every wait (retries). */
export async function runToEnd(h: Harness, worker: ImportWorker, maxSteps = 50): Promise<StepResult[]> {
  const seen: StepResult[] = [];
  for (let i = 0; i < maxSteps; i++) {
    const result = await worker.step();
    seen.push(result);
    if (result.kind === 'idle') return seen;
    if (result.kind === 'wait') await h.clock.advance(Math.max(0, result.untilMs - h.clock.now()));
  }
  throw new Error(`the worker did not settle in ${maxSteps} steps: ${JSON.stringify(seen.slice(-3))}`);
}

/** How many contacts with this number the profile has, asked of the API directly. */
export async function contactsWith(h: Harness, profileId: string, phone: string): Promise<number> {
  const url = `http://api.invalid/v3/contacts?page=1&page_size=10&phone=${encodeURIComponent(phone)}`;
  const res = await h.api.fetch(
    new Request(url, { headers: { 'x-api-key': DEMO_ORG_KEY, 'x-profile-id': profileId } }),
  );
  const body = (await res.json()) as Envelope<{ contacts: { format_e164: string; is_inherited: boolean }[] }>;
  return res.ok ? body.data.contacts.filter((c) => c.format_e164 === phone && !c.is_inherited).length : 0;
}

/** A request for `phones` (rows 2…) into `profileId`. */
export function importOf(
  phones: readonly (string | null)[],
  profileId: string | null = DEMO_IDS.ventures,
): ImportRequest {
  return {
    profile_id: profileId,
    file_name: 'numbers.csv',
    file_sha256: 'b'.repeat(64),
    default_region: 'GB',
    rows: phones.map((phone, i) => ({
      row: i + 2,
      input: phone ?? 'not a number',
      phone,
      problem: phone ? null : 'invalid',
    })),
  };
}

/**
 * A POST that declares a body of `length` bytes and sends only its first few: the body limit answers from the
 * header alone. (Sending all 16 MB races the gateway, which answers and closes while the client still writes:
 * the client then sees a reset instead of the answer.)
 */
export function postDeclaringLength(url: string, length: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = {
      'content-type': 'application/json',
      'content-length': String(length),
      'sec-fetch-site': 'same-origin',
    };
    const req = request(url, { method: 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.write('{"rows": [');
  });
}
