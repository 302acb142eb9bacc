// Attack class: state changed by the wrong method (issue 20, item 9). The gateway's own routes change state only
// on POST (the Sent API's own PATCH and DELETE go through the allowlist and the role checks); every other method
// on a page is refused rather than answered with the console, and a GET or HEAD of a POST route changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Console, MODES, startConsole } from '../../testing/security/console.ts';
import { codeOf, SAME_ORIGIN, send } from '../../testing/security/http.ts';

describe.each(MODES)('%s mode: only POST changes state', (mode) => {
  let con: Console;
  beforeAll(async () => {
    con = await startConsole(mode);
  });
  afterAll(() => con.close());

  it('pages answer GET and HEAD only; GET and HEAD of POST routes change nothing', async () => {
    const cookie = await con.cookieOf('admin');
    const headers = { ...SAME_ORIGIN, cookie, accept: 'text/html', 'content-type': 'application/json' };
    for (const path of ['/', '/contacts/c1', '/activity', '/import', '/assets/index-AbC123xY.js']) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        const res = await send(con.url, path, { method, headers, body: '{}' });
        expect([res.status, codeOf(res)], `${method} ${path}`).toEqual([405, 'GATEWAY_004']);
        expect(res.headers.allow).toBe('GET, HEAD');
      }
      expect((await send(con.url, path, { method: 'HEAD', headers })).status, path).toBe(200);
    }
    const before = (await con.entries()).length;
    for (const path of ['/__signout', '/auth/sign-out', '/__audit/exports', '/__audit/exports/e1/finish']) {
      for (const method of ['GET', 'HEAD']) await send(con.url, path, { method, headers });
    }
    expect((await send(con.url, '/v3/me', { headers: { ...SAME_ORIGIN, cookie } })).status).toBe(200);
    expect(con.trail.audit.exports.takeIdle(true)).toEqual([]);
    expect((await con.entries()).length).toBe(before);
  });
});
