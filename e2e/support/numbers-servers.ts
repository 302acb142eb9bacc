// Consoles of their own for the number lookup specs (e2e/numbers.spec.ts): they add contacts (a landline, a VoIP
// number, whatever a test adds), which must not change what the shared demo servers' specs count. One embedded
// API; the demo console (no sign-in) and one with staff sign-in whose sessions the tests seal themselves.
import type { Page } from '@playwright/test';
import { createEmbeddedApi } from '../../server/api/server.ts';
import type { Person } from '../../server/gateway/identity/person.ts';
import { STAFF_SESSION_COOKIE } from '../../server/gateway/identity/routes.ts';
import { createStaffSignIn } from '../../server/gateway/identity/staff-sign-in.ts';
import type { Sessions } from '../../server/gateway/sessions/sessions.ts';
import { withFaultHeaders } from '../../server/testing/api-faults.ts';
import { startAppServer } from '../../server/testing/app-server.ts';
import { noProvider, signedIn as openSessions, testSettings } from '../../server/testing/identity-app.ts';
import { startTempAudit } from '../../server/testing/temp-audit.ts';
import { addReachabilitySample, type ReachabilitySample } from '../../server/tools/reachability-sample.ts';
import { test as base, PROFILE_UK } from './fixtures';

export const PROFILE_DE = '7a3d2c10-0000-4000-8000-000000000013';

export interface NumbersServers {
  demoUrl: string;
  staffUrl: string;
  sample: ReachabilitySample;
  /** A session cookie value for `person` on the staff console. */
  sessionFor(person: Person): Promise<string>;
  /** A demo contact of `profile` (E.164 and id), the `index`-th of its first page. */
  contactOf(profile: string, index?: number): Promise<{ id: string; format_e164: string }>;
  close(): Promise<void>;
}

export async function startNumbersServers(distDir: string): Promise<NumbersServers> {
  const api = createEmbeddedApi(withFaultHeaders({ contactsPerProfile: 60, rateLimit: false }));
  await api.ready;
  const trail = await startTempAudit();
  const apiKey = 'sk_test_org_demo';
  const sample = await addReachabilitySample(api, apiKey, PROFILE_UK);
  // The team budget and its cache in front, as `npm start` has them (a share that no spec's pace can exhaust).
  const team = { perMinute: 1200, burst: 300 };
  // The staff console's own sessions (server-side): the tests open theirs there.
  let sessions: Sessions | null = null;
  const demo = await startAppServer({ distDir, api, apiKey, audit: trail.audit, team });
  const staff = await startAppServer({
    distDir,
    api,
    apiKey,
    audit: trail.audit,
    team,
    staffSignIn: async (publicUrl, upstream) => {
      const signIn = await createStaffSignIn({
        settings: testSettings(publicUrl),
        upstream,
        oidc: noProvider,
      });
      sessions = signIn.sessions;
      return signIn;
    },
  });
  return {
    demoUrl: demo.url,
    staffUrl: staff.url,
    sample,
    async sessionFor(person) {
      if (!sessions) throw new Error('the staff console has no sessions');
      return (await openSessions(sessions, { person })).person;
    },
    async contactOf(profile, index = 0) {
      const res = await api.fetch(
        new Request('http://api.invalid/v3/contacts?page=1&page_size=50', {
          headers: { 'x-api-key': apiKey, 'x-profile-id': profile },
        }),
      );
      const { contacts } = (
        (await res.json()) as { data: { contacts: { id: string; format_e164: string }[] } }
      ).data;
      const contact = contacts[index];
      if (!contact) throw new Error(`no contact ${index} in ${profile}`);
      return contact;
    },
    async close() {
      await Promise.all([demo.close(), staff.close()]);
      await trail.close();
      api.close();
    },
  };
}

/** The specs' `test`, on these consoles: `baseURL` is the demo one, `numbers` has the rest. */
export const test = base.extend<object, { numbers: NumbersServers }>({
  numbers: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern
    async ({}, use) => {
      const servers = await startNumbersServers(process.env.E2E_DIST_DIR ?? '');
      await use(servers);
      await servers.close();
    },
    // Seeding the API and finding a ported mobile is not part of any test's 30 s.
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ numbers }, use) => use(numbers.demoUrl),
});

/** Signs `person` in on the staff console (a sealed session, as the sign-in would set). */
export async function signedIn(page: Page, numbers: NumbersServers, person: Person) {
  const value = await numbers.sessionFor(person);
  await page.context().addCookies([{ name: STAFF_SESSION_COOKIE, value, url: numbers.staffUrl }]);
}
