import { describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../api/demo.ts';
import { answerOf } from '../../testing/test-browser.ts';
import { scopeHeaderOf } from '../scope.ts';
import { authorizePage, authorizeApi as authorizeRequest, filterProfiles } from './authorize.ts';
import type { Person } from './person.ts';

const ORG = DEMO_IDS.organization;
const UK = DEMO_IDS.clinicsUk;
const DE = DEMO_IDS.labsDe;

const who = (role: Person['role'], profiles: Person['profiles'] = '*'): Person => ({
  sub: role,
  name: role,
  email: null,
  role,
  profiles,
});

// Every route the gateway forwards, and the ones contact management will add, with what each role may do.
// 'ok', or the refusal code: GATEWAY_009 role, GATEWAY_010 profile.
const TABLE: [method: string, path: string, viewer: string, agent: string, admin: string][] = [
  ['GET', '/v3/contacts', 'ok', 'ok', 'ok'],
  ['GET', '/v3/contacts/c_1', 'ok', 'ok', 'ok'],
  ['PATCH', '/v3/contacts/c_1', 'GATEWAY_009', 'ok', 'ok'],
  ['POST', '/v3/contacts', 'GATEWAY_009', 'GATEWAY_009', 'ok'],
  ['DELETE', '/v3/contacts/c_1', 'GATEWAY_009', 'GATEWAY_009', 'ok'],
  ['GET', '/v3/profiles', 'ok', 'ok', 'ok'],
  ['GET', `/v3/profiles/${UK}`, 'ok', 'ok', 'ok'],
  ['GET', '/v3/me', 'ok', 'ok', 'ok'],
  ['GET', '/v1/contacts', 'ok', 'ok', 'ok'],
];

// Not forwarded today (the allowlist answers 404/405): left to it so the answer stays the same for everyone.
const NOT_FORWARDED: [string, string][] = [
  ['PUT', '/v3/contacts'],
  ['PUT', '/v3/contacts/c_1'],
  ['POST', '/v3/me'],
  ['GET', '/v3/templates'],
];

/** The decision for `method path` with `header` as the route family's scope header (scope.ts). */
function authorizeApi(
  person: Person,
  method: string,
  path: string,
  header: string | null,
  own: string | null,
) {
  const headers: Record<string, string> = header ? { [scopeHeaderOf(path)]: header } : {};
  return authorizeRequest(person, new Request(`http://gw.test${path}`, { method, headers }), own);
}

const code = (d: ReturnType<typeof authorizeApi>) => (d.ok ? 'ok' : d.error.code);

describe('authorizeApi: role decisions for every forwarded route and method', () => {
  for (const [method, path, ...expected] of TABLE) {
    it.each([
      ['viewer', expected[0]],
      ['agent', expected[1]],
      ['admin', expected[2]],
    ] as const)(`${method} ${path} as %s → %s`, (role, want) => {
      expect(code(authorizeApi(who(role), method, path, null, ORG))).toBe(want);
    });
  }

  it.each(NOT_FORWARDED)('%s %s is left to the allowlist', (method, path) => {
    expect(authorizeApi(who('viewer', [UK]), method, path, DE, null)).toEqual({ ok: true });
  });

  it('says what the role may not do', () => {
    expect(authorizeApi(who('viewer'), 'PATCH', '/v3/contacts/c_1', null, ORG)).toMatchObject({
      error: { status: 403, code: 'GATEWAY_009' },
      message: 'Your role (viewer) may not edit contacts.',
    });
  });
});

describe('authorizeApi: profile scope for someone limited to Clinics UK', () => {
  const agent = who('agent', [UK]);
  it.each([
    ['GET', '/v3/contacts', UK, 'ok'],
    ['PATCH', '/v3/contacts/c_1', UK, 'ok'],
    ['GET', '/v3/contacts', UK.toUpperCase(), 'ok'],
    ['GET', '/v3/contacts', DE, 'GATEWAY_010'],
    ['PATCH', '/v3/contacts/c_1', DE, 'GATEWAY_010'],
    ['GET', '/v3/contacts/c_1', null, 'GATEWAY_010'], // the organization's own scope
    ['GET', '/v1/contacts', null, 'GATEWAY_010'],
    ['GET', '/v3/profiles', null, 'ok'], // answered filtered
    ['GET', '/v3/me', null, 'ok'],
    ['GET', '/v3/me', DE, 'GATEWAY_010'], // a foreign header is refused everywhere
    ['GET', `/v3/profiles/${UK}`, null, 'ok'],
    ['GET', `/v3/profiles/${DE}`, null, 'GATEWAY_010'],
    ['GET', `/v3/profiles/${DE}`, UK, 'GATEWAY_010'],
  ])('%s %s with x-profile-id %s → %s', (method, path, header, want) => {
    expect(code(authorizeApi(agent, method, path, header, ORG))).toBe(want);
  });

  it('allows the unscoped request when the key itself is one of their profiles (a profile key)', () => {
    expect(code(authorizeApi(agent, 'GET', '/v3/contacts', null, UK))).toBe('ok');
    expect(code(authorizeApi(agent, 'GET', '/v1/contacts', null, UK))).toBe('ok');
  });

  it('refuses the unscoped request while the key account is unknown, except to people with every profile', () => {
    expect(code(authorizeApi(agent, 'GET', '/v3/contacts', null, null))).toBe('GATEWAY_010');
    expect(code(authorizeApi(who('agent'), 'GET', '/v3/contacts', null, null))).toBe('ok');
  });

  it('scopes v1 by x-sender-id, the header it acts on, whatever x-profile-id says', () => {
    const v1 = (headers: Record<string, string>) =>
      code(authorizeRequest(agent, new Request('http://gw.test/v1/contacts', { headers }), ORG));
    expect(v1({ 'x-profile-id': UK })).toBe('GATEWAY_010'); // v1 would read the organization
    expect(v1({ 'x-profile-id': UK, 'x-sender-id': DE })).toBe('GATEWAY_010');
    expect(v1({ 'x-sender-id': ORG })).toBe('GATEWAY_010'); // the key's own account, spelt out
    expect(v1({ 'x-sender-id': UK })).toBe('ok');
  });

  it('checks the role before the profile', () => {
    expect(code(authorizeApi(who('viewer', [UK]), 'PATCH', '/v3/contacts/c_1', DE, ORG))).toBe('GATEWAY_009');
  });
});

describe('authorizePage', () => {
  const page = (path: string) => new URL(`http://console.test${path}`);
  it('lets people with every profile open any scope', () => {
    expect(authorizePage(who('viewer'), page('/'), ORG)).toEqual({ ok: true });
    expect(authorizePage(who('viewer'), page(`/?profile=${DE}`), ORG)).toEqual({ ok: true });
  });

  it("moves a limited person into their first profile, dropping the other scope's page number", () => {
    const agent = who('agent', [UK, DE]);
    expect(authorizePage(agent, page(`/?profile=${UK}&page=3`), ORG)).toEqual({ ok: true });
    expect(authorizePage(agent, page('/?page=3&search=415'), ORG)).toEqual({
      ok: false,
      redirect: `/?search=415&profile=${UK}`,
    });
    expect(authorizePage(agent, page(`/contacts/c_1?profile=${DEMO_IDS.ventures}`), ORG)).toEqual({
      ok: false,
      redirect: `/contacts/c_1?profile=${UK}`,
    });
  });
});

describe('filterProfiles', () => {
  const body = { success: true, data: { id: ORG, profiles: [{ id: UK }, { id: DE }] }, meta: {} };
  const response = (status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', 'x-request-id': 'r1' },
    });

  it("keeps only the person's profiles in /v3/profiles and /v3/me", async () => {
    for (const path of ['/v3/profiles', '/v3/me']) {
      const res = await filterProfiles(who('agent', [UK]), path, response());
      expect(res.headers.get('x-request-id')).toBe('r1');
      expect(await answerOf(res)).toEqual({ ...body, data: { ...body.data, profiles: [{ id: UK }] } });
    }
  });

  it('leaves other paths, errors and people with every profile alone', async () => {
    const untouched = [
      await filterProfiles(who('agent', [UK]), '/v3/contacts', response()),
      await filterProfiles(who('agent', [UK]), '/v3/profiles', response(500)),
      await filterProfiles(who('admin'), '/v3/profiles', response()),
    ];
    for (const res of untouched) expect((await answerOf(res)).data.profiles).toHaveLength(2);
  });
});
