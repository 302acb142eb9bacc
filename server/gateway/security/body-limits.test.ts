// Attack class: bodies without a size limit (issue 20, item 9). Some routes read a body whole (the export's
// announcement and finish, sign-out), so one request could fill the gateway's memory. Now every body is read
// within the limit whichever route reads it (an import's file has its own): announced or chunked, 413 GATEWAY_006.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Console, MODES, startConsole } from '../../testing/security/console.ts';
import { codeOf, SAME_ORIGIN, send } from '../../testing/security/http.ts';
import { MAX_BODY_BYTES } from '../middleware/body-limit.ts';

const CONTACT = '/v3/contacts/6ba7b810-9dad-41d1-80b4-00c04fd430c8';

/** [method, path, content type] of every route that reads a body, per mode. */
function routes(con: Console): [string, string, string][] {
  const json = 'application/json';
  const form = 'application/x-www-form-urlencoded';
  const all: [string, string, string][] = [
    ['POST', '/__audit/exports', json],
    ['POST', '/__audit/exports/e1/finish', json],
    ['POST', '/v3/contacts', json],
    ['PATCH', CONTACT, json],
    ['DELETE', CONTACT, json],
  ];
  if (con.mode === 'secret') all.push(['POST', '/__signout', form]);
  if (con.mode === 'oidc') all.push(['POST', '/auth/sign-out', form], ['POST', '/__reveal/c1', json]);
  return all;
}

describe.each(MODES)('%s mode: every body is read within the limit', (mode) => {
  let con: Console;
  beforeAll(async () => {
    con = await startConsole(mode);
  });
  afterAll(() => con.close());

  it('announced (content-length) or chunked, a body over the limit is refused with 413 GATEWAY_006', async () => {
    const cookie = await con.cookieOf('admin');
    const big = `{"filters":{"a":"${'x'.repeat(MAX_BODY_BYTES * 2)}"}}`;
    for (const [method, path, type] of routes(con)) {
      const headers = { ...SAME_ORIGIN, origin: con.url, cookie, 'content-type': type };
      for (const body of [big, { chunkedBytes: MAX_BODY_BYTES * 16 }]) {
        const res = await send(con.url, path, { method, headers, body });
        const how = typeof body === 'string' ? 'announced' : 'chunked';
        expect([res.status, codeOf(res)], `${method} ${path} ${how}`).toEqual([413, 'GATEWAY_006']);
      }
    }
    // Still signed in: the refused sign-out did nothing.
    expect((await send(con.url, '/v3/me', { headers: { ...SAME_ORIGIN, cookie } })).status).toBe(200);
  });
});
