// Attack class: checks and routing disagreeing on the path (issue 20, item 6). Hono routes the percent-decoded
// path; checks that compared the raw one let `/__audit/%65xports` through, and a viewer (no export right)
// started and finished an export, forging a `contacts.export` entry. Every spelling is tried: single and double
// encoding, encoded separators, case, dot segments, backslashes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../api/demo.ts';
import { type Console, MODES, startConsole } from '../../testing/security/console.ts';
import { codeOf, SAME_ORIGIN, send } from '../../testing/security/http.ts';

const EXPORTS_SPELLINGS = [
  '/__audit/%65xports',
  '/__audit/exp%6Frts',
  '/__audit/exp%6frts',
  '/%5F%5Faudit/exports',
  '/__%61udit/%65xports',
  '/__audit%2Fexports',
  '/__audit/%2565xports',
  '/__audit/x/..%2Fexports',
  '/__audit/.%2e/__audit/exports',
  '/__audit/%2e/exports',
  '/__audit\\exports',
];

const json = (cookie: string) => ({
  ...SAME_ORIGIN,
  cookie,
  'content-type': 'application/json',
});

describe('OIDC: a viewer cannot start or finish an export through any spelling of the path', () => {
  let con: Console;
  beforeAll(async () => {
    con = await startConsole('oidc');
  });
  afterAll(() => con.close());

  it.each(['viewer', 'agent'] as const)('%s', async (who) => {
    const cookie = await con.cookieOf(who);
    for (const path of EXPORTS_SPELLINGS) {
      const start = await send(con.url, path, {
        method: 'POST',
        headers: json(cookie),
        body: JSON.stringify({ filters: {}, profile_id: DEMO_IDS.clinicsUk }),
      });
      expect(start.status, path).toBeGreaterThanOrEqual(400);
      const id = (start.json as { id?: string }).id ?? 'none';
      const finish = await send(con.url, path.replace(/exports$/, `exports/${id}/finish`), {
        method: 'POST',
        headers: json(cookie),
        body: JSON.stringify({ status: 'done', row_count: 12345 }),
      });
      expect(finish.status, path).toBeGreaterThanOrEqual(400);
    }
    expect((await con.entries()).filter((e) => e.action === 'contacts.export')).toEqual([]);
    expect(con.trail.audit.exports.takeIdle(true)).toEqual([]);
  });
});

describe.each(MODES)('%s mode: one spelling of every path, checked as routed', (mode) => {
  let con: Console;
  beforeAll(async () => {
    con = await startConsole(mode);
  });
  afterAll(() => con.close());

  it('a decodable alias of an API path is sent to the canonical path, never answered under another', async () => {
    const cookie = await con.cookieOf('admin');
    for (const alias of ['/v%33/contacts', '/%76%33/me', '/v3/%63ontacts', '/v3/c%6Fntacts']) {
      const res = await send(con.url, `${alias}?page=1&page_size=1`, { headers: { ...SAME_ORIGIN, cookie } });
      expect([res.status, res.headers.location], alias).toEqual([
        308,
        `${decodeURIComponent(alias)}?page=1&page_size=1`,
      ]);
    }
  });

  it('encoded separators, double encoding and control characters are refused before any check', async () => {
    const cookie = await con.cookieOf('admin');
    const before = con.upstreamSeen.length;
    for (const path of [
      '/v3/contacts%2F..%2Fprofiles',
      '/v3/contacts/%252e%252e',
      '/v3%2fme',
      '/v3/contacts/%00',
      '/v3/contacts/a%5Cb',
      '/v3//contacts',
      '/v3/contacts/%E2%80%AE',
    ]) {
      for (const method of ['GET', 'POST', 'DELETE']) {
        const res = await send(con.url, path, { method, headers: { ...SAME_ORIGIN, cookie } });
        expect([res.status, codeOf(res)], `${method} ${path}`).toEqual([400, 'GATEWAY_014']);
      }
    }
    expect(con.upstreamSeen.slice(before)).toEqual([]);
  });
});
