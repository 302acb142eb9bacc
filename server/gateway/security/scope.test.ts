// Attack class: profile isolation through the scope headers (issue 20, item 1). v1 reads `x-sender-id` (or the
// key's own account) and ignores `x-profile-id`; v3 the reverse. The gateway used to check x-profile-id and
// forward both: an agent limited to one profile read the organization's, or another profile's, contacts on v1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../api/demo.ts';
import { type Console, MODES, startConsole, type Who } from '../../testing/security/console.ts';
import { codeOf, SAME_ORIGIN, send } from '../../testing/security/http.ts';
import { DEMO_ORG_KEY } from '../config.ts';

const UK = DEMO_IDS.clinicsUk;
const US = DEMO_IDS.pharmacyUs;
const ORG = DEMO_IDS.organization;

/** The contact ids the API itself gives for v1 in `profile` (null: the key's own account). */
async function v1Ids(con: Console, profile: string | null): Promise<string[]> {
  const headers: Record<string, string> = { 'x-api-key': DEMO_ORG_KEY };
  if (profile) headers['x-sender-id'] = profile;
  const res = await con.api.fetch(new Request('http://api.test/v1/contacts?page=0&pageSize=50', { headers }));
  return ((await res.json()) as { items: { id: string }[] }).items.map((c) => c.id);
}

const idsOf = (json: Record<string, unknown>) => ((json.items ?? []) as { id: string }[]).map((c) => c.id);

describe('OIDC: people limited to Clinics UK read only Clinics UK on v1, whatever the headers', () => {
  let con: Console;
  beforeAll(async () => {
    con = await startConsole('oidc');
  });
  afterAll(() => con.close());

  // [headers, what the upstream would read]: only Clinics UK may come back.
  const VARIANTS: [Record<string, string>, string | null][] = [
    [{}, null],
    [{ 'x-profile-id': UK }, null], // v1 ignores x-profile-id: the organization's contacts
    [{ 'x-profile-id': UK, 'x-sender-id': US }, US],
    [{ 'x-sender-id': US }, US],
    [{ 'x-sender-id': ORG }, null], // the key's own account, spelt out
    [{ 'x-sender-id': ORG.toUpperCase() }, null],
    [{ 'x-profile-id': UK, 'x-sender-id': UK }, UK],
    [{ 'x-sender-id': UK.toUpperCase() }, UK],
  ];

  it.each<Who>(['agent', 'ukAdmin'])('%s: another scope is refused before the upstream', async (who) => {
    const cookie = await con.cookieOf(who);
    const ukIds = await v1Ids(con, UK);
    for (const [headers, reads] of VARIANTS) {
      const before = con.upstreamSeen.length;
      const res = await send(con.url, '/v1/contacts?page=0&pageSize=50', {
        headers: { ...SAME_ORIGIN, cookie, ...headers },
      });
      if (reads === UK) {
        expect(res.status, JSON.stringify(headers)).toBe(200);
        expect(idsOf(res.json)).toEqual(ukIds);
      } else {
        expect([res.status, codeOf(res)], JSON.stringify(headers)).toEqual([403, 'GATEWAY_010']);
        expect(con.upstreamSeen.slice(before).filter((s) => s.path === '/v1/contacts')).toEqual([]);
      }
    }
  });

  it("an agent's v3 call with a smuggled x-sender-id: the upstream sees only the checked profile", async () => {
    const cookie = await con.cookieOf('agent');
    const before = con.upstreamSeen.length;
    const res = await send(con.url, '/v3/contacts?page=1&page_size=5', {
      headers: { ...SAME_ORIGIN, cookie, 'x-profile-id': UK, 'x-sender-id': US },
    });
    expect(res.status).toBe(200);
    const seen = con.upstreamSeen
      .slice(before)
      .map((s) => [s.headers.get('x-profile-id'), s.headers.get('x-sender-id')]);
    expect(seen).toEqual([[UK, null]]);
  });

  it('the audit entry names the profile the upstream acted in, spelt as the grants are', async () => {
    const cookie = await con.cookieOf('agent');
    const phone = await firstNumber(con, UK);
    await send(con.url, `/v3/contacts?page=1&page_size=1&phone=${encodeURIComponent(phone)}`, {
      headers: { ...SAME_ORIGIN, cookie, 'x-profile-id': UK.toUpperCase() },
    });
    const lookup = (await con.entries()).find((e) => e.action === 'lookup');
    expect(lookup?.profile_id).toBe(UK);
  });
});

async function firstNumber(con: Console, profile: string): Promise<string> {
  const res = await con.api.fetch(
    new Request('http://api.test/v3/contacts?page=1&page_size=1', {
      headers: { 'x-api-key': DEMO_ORG_KEY, 'x-profile-id': profile },
    }),
  );
  return ((await res.json()) as { data: { contacts: { phone_number: string }[] } }).data.contacts[0]
    ?.phone_number as string;
}

describe.each(MODES)(
  '%s mode: no scope header reaches the upstream unless its API family acts on it',
  (mode) => {
    let con: Console;
    beforeAll(async () => {
      con = await startConsole(mode);
    });
    afterAll(() => con.close());

    it('v1 gets x-sender-id only, v3 x-profile-id only', async () => {
      const cookie = await con.cookieOf('admin');
      const both = { ...SAME_ORIGIN, cookie, 'x-profile-id': UK, 'x-sender-id': US };
      const before = con.upstreamSeen.length;
      expect((await send(con.url, '/v1/contacts?page=0&pageSize=5', { headers: both })).status).toBe(200);
      expect((await send(con.url, '/v3/contacts?page=1&page_size=5', { headers: both })).status).toBe(200);
      const seen = con.upstreamSeen
        .slice(before)
        .filter((s) => s.path.endsWith('/contacts'))
        .map((s) => [s.path, s.headers.get('x-profile-id'), s.headers.get('x-sender-id')]);
      expect(seen).toEqual([
        ['/v1/contacts', null, US],
        ['/v3/contacts', UK, null],
      ]);
    });
  },
);
