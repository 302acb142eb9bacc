// Attack: pages outside sign-in. With staff sign-in (OIDC), paths under /assets/ used to skip it; an HTML
// request there was server-rendered without a person and carried the account (organization, profiles, ids,
// emails). Now only real built files under dist/assets/ are served before sign-in; anything that renders
// needs a person. (The access secret guards /assets entirely: access.test.ts.) By raw HTTP, so encodings
// reach the gateway byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../api/demo.ts';
import { createEmbeddedApi, type EmbeddedApi } from '../../api/server.ts';
import { rawGet } from '../../testing/gateway-harness.ts';
import {
  ACCOUNT_MARKERS,
  type GatewayUnderTest,
  startGatewayUnderTest,
} from '../../testing/security/session-gateways.ts';

let api: EmbeddedApi;
let gw: GatewayUnderTest;
let adminCookie: string;

beforeAll(async () => {
  api = createEmbeddedApi({ contactsPerProfile: 5, rateLimit: false });
  await api.ready;
  gw = await startGatewayUnderTest('oidc', { api });
  const admin = await gw.signedIn('ida');
  adminCookie = `sent_console_session=${admin.cookie('127.0.0.1', 'sent_console_session')}`;
});
afterAll(async () => {
  await gw?.close();
  api?.close();
});

const PAGE = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const carriesAccount = (body: string) => ACCOUNT_MARKERS.filter((m) => body.includes(m));

const VARIANTS = [
  '/assets/x',
  '/assets/',
  '/assets/x/',
  `/assets/contacts?profile=${DEMO_IDS.clinicsUk}`,
  '/assets/index-AbC123xY.js/',
  '/assets//x',
  '/assets/%2e%2e/',
  '/assets/..%2f',
  '/assets/..%2fcontacts',
  '/assets/%2e%2e%2fcontacts',
  '/assets/..%5ccontacts',
  '/assets/x%00',
  '/assets/%78',
  '/assets/.env',
  '/assets/..%2findex.html',
  '/assets/../assets/x',
];

describe('pages under /assets/ without a person (OIDC)', () => {
  it('no address there, however encoded, is rendered or carries anything of the account', async () => {
    const answered: string[] = [];
    for (const path of VARIANTS) {
      for (const accept of [PAGE, 'text/html', '*/*']) {
        const res = await rawGet(gw.url, path, { accept });
        const leaks = carriesAccount(res.body);
        if (res.status < 300 || leaks.length) answered.push(`${path} (${accept}): ${res.status} ${leaks}`);
      }
    }
    expect(answered).toEqual([]);
  });

  it('a page navigation there goes to sign-in, keeping the page', async () => {
    const res = await fetch(`${gw.url}/assets/x?profile=p`, {
      headers: { accept: PAGE },
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/auth/sign-in?next=%2Fassets%2Fx%3Fprofile%3Dp');
  });

  it('a HEAD or a POST there is refused too', async () => {
    for (const method of ['HEAD', 'POST']) {
      const res = await fetch(`${gw.url}/assets/x`, {
        method,
        headers: { accept: PAGE },
        redirect: 'manual',
      });
      expect([303, 401]).toContain(res.status);
    }
  });

  it('real built files are still served before sign-in, and a person gets the page itself', async () => {
    const js = await rawGet(gw.url, '/assets/index-AbC123xY.js');
    expect(js.status).toBe(200);
    expect(js.body).toContain('console.log');
    expect((await fetch(`${gw.url}/assets/index-AbC123xY.js`, { method: 'HEAD' })).status).toBe(200);
    // The renderer does print the account for a person: the checks above could fail.
    const page = await rawGet(gw.url, '/assets/x', { accept: PAGE, cookie: adminCookie });
    expect(page.status).toBe(200);
    expect(carriesAccount(page.body)).toContain('Northwind Health');
    // An ended session is no person.
    const ended = await rawGet(gw.url, '/assets/x', {
      accept: PAGE,
      cookie: `${adminCookie.slice(0, -3)}AAA`,
    });
    expect(carriesAccount(ended.body)).toEqual([]);
  });
});
