// Attack class: reading in bulk without the right (issue 20, item 4). An agent without export paged through a
// profile 1,000 rows a request; a search for a contact's digits showed it unrecorded; a viewer recovered masked
// digits with searches. Now: 100 rows a request and READ_LIMIT_PER_HOUR distinct contacts for roles without
// export (counted per person across replicas through Redis), a search that singles out a contact is a lookup,
// and a viewer's query carries no digits but paging and a full number's lookup.
import Redis from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../api/demo.ts';
import { FakeClock } from '../../testing/fake-clock.ts';
import { startRedisServer } from '../../testing/redis-server.ts';
import { type Console, startConsole, type Who } from '../../testing/security/console.ts';
import { codeOf, SAME_ORIGIN, send } from '../../testing/security/http.ts';
import { DEMO_ORG_KEY } from '../config.ts';
import { createMemoryReadCounter, READ_WINDOW_MS, type ReadCounter } from '../reads/counter.ts';
import { createRedisReadCounter } from '../reads/redis-counter.ts';

const UK = DEMO_IDS.clinicsUk;
const LIMIT = 50;

function limitedConsole(counter: ReadCounter) {
  return startConsole('oidc', {
    contactsPerProfile: 150,
    parts: { reads: { config: { perHour: LIMIT }, counter } },
  });
}

const page = (con: Console, cookie: string, n: number, size = 20) =>
  send(con.url, `/v3/contacts?page=${n}&page_size=${size}`, {
    headers: { ...SAME_ORIGIN, cookie, 'x-profile-id': UK },
  });

describe('OIDC, one replica: what a role without export may read', () => {
  const clock = new FakeClock();
  let con: Console;
  beforeAll(async () => {
    con = await limitedConsole(createMemoryReadCounter(clock));
  });
  afterAll(() => con.close());
  beforeEach(() => clock.advance(READ_WINDOW_MS + 1)); // every test starts with an empty hour

  it.each<Who>(['agent', 'viewer'])(
    '%s: at most 100 rows a request, however the size is spelt',
    async (who) => {
      const cookie = await con.cookieOf(who);
      for (const query of [
        'page_size=101',
        'page_size=1000',
        'page_size=%201000',
        'page_size=+1000',
        'page_size=1e3',
        'PAGE_SIZE=1000&page_size=10',
        'page_size=10&page_size=1000',
      ]) {
        const res = await send(con.url, `/v3/contacts?page=1&${query}`, {
          headers: { ...SAME_ORIGIN, cookie, 'x-profile-id': UK },
        });
        expect([res.status, codeOf(res)], query).toEqual([403, 'GATEWAY_009']);
      }
      for (const query of ['pageSize=1000', 'pagesize=1000', 'PageSize=101']) {
        const res = await send(con.url, `/v1/contacts?page=0&${query}`, {
          headers: { ...SAME_ORIGIN, cookie, 'x-sender-id': UK },
        });
        expect([res.status, codeOf(res)], query).toEqual([403, 'GATEWAY_009']);
      }
      // An admin (the export right) reads in bulk: any page size, past the hourly limit.
      const admin = await con.cookieOf('admin');
      expect((await page(con, admin, 1, 1000)).status).toBe(200);
      for (const n of [1, 2, 3, 4]) expect((await page(con, admin, n)).status).toBe(200);
    },
  );

  it.each<Who>(['agent', 'viewer'])(
    '%s: past the hourly limit reads are refused, once recorded',
    async (who) => {
      const cookie = await con.cookieOf(who);
      const seenBefore = (await con.entries()).length;
      expect((await page(con, cookie, 1)).status).toBe(200);
      expect((await page(con, cookie, 2)).status).toBe(200);
      const refused = await page(con, cookie, 3); // 60 distinct contacts > 50
      expect([refused.status, codeOf(refused)]).toEqual([429, 'GATEWAY_017']);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.json.data ?? null).toBeNull();
      expect((await page(con, cookie, 1)).status).toBe(200); // already read: not counted again
      expect((await page(con, cookie, 4)).status).toBe(429);
      // The server-rendered first screen is held to the same count.
      const ssr = await send(con.url, `/?profile=${UK}&page=5`, {
        headers: { accept: 'text/html', cookie },
      });
      expect(ssr.text).toContain('data-status="429"');
      const added = (await con.entries()).slice(0, -seenBefore || undefined);
      const bulk = added.filter((e) => e.action === 'contacts.bulk_read');
      expect(bulk).toHaveLength(1);
      expect(bulk[0]).toMatchObject({
        outcome: 'denied',
        profile_id: UK,
        actor_role: who === 'agent' ? 'agent' : 'viewer',
      });
      await clock.advance(READ_WINDOW_MS);
      expect((await page(con, cookie, 3)).status).toBe(200);
    },
  );
});

describe('OIDC, two replicas sharing Redis: the count is per person, not per replica', () => {
  const clock = new FakeClock();
  let redis: Awaited<ReturnType<typeof startRedisServer>>;
  const clients: Redis[] = [];
  let a: Console;
  let b: Console;
  beforeAll(async () => {
    redis = await startRedisServer();
    const counter = () => {
      const client = new Redis(redis.url);
      clients.push(client);
      return createRedisReadCounter({ redis: client, prefix: 'sent:gw:test:', clock, log: () => {} });
    };
    [a, b] = await Promise.all([limitedConsole(counter()), limitedConsole(counter())]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    for (const c of clients) c.disconnect();
    await redis?.stop();
  });

  it('40 contacts on one replica, 20 new ones on the other: refused there', async () => {
    const [onA, onB] = [await a.cookieOf('agent'), await b.cookieOf('agent')];
    expect((await page(a, onA, 1)).status).toBe(200);
    expect((await page(a, onA, 2)).status).toBe(200);
    const res = await page(b, onB, 3);
    expect([res.status, codeOf(res)]).toEqual([429, 'GATEWAY_017']);
    expect((await page(b, onB, 2)).status).toBe(200);
  });
});

describe('OIDC: answers that single out one contact by number', () => {
  let con: Console;
  let contact: { id: string; format_e164: string };
  beforeAll(async () => {
    con = await startConsole('oidc');
    const res = await con.api.fetch(
      new Request('http://api.test/v3/contacts?page=1&page_size=1', {
        headers: { 'x-api-key': DEMO_ORG_KEY, 'x-profile-id': UK },
      }),
    );
    [contact] = ((await res.json()) as { data: { contacts: [typeof contact] } }).data.contacts;
  });
  afterAll(() => con.close());

  const lookupsOf = async (since: number) =>
    (await con.entries()).filter((e) => e.seq > since && e.action === 'lookup');
  const newest = async () => (await con.entries())[0]?.seq ?? 0;

  it("an agent's search for a contact's digits, by API or deep link, is one lookup entry each", async () => {
    const cookie = await con.cookieOf('agent');
    const digits = contact.format_e164.replace(/\D/g, '');
    let since = await newest();
    const res = await send(con.url, `/v3/contacts?page=1&page_size=20&search=${digits}`, {
      headers: { ...SAME_ORIGIN, cookie, 'x-profile-id': UK },
    });
    expect(res.status).toBe(200);
    const [byApi, ...more] = await lookupsOf(since);
    expect(more).toEqual([]);
    expect(byApi).toMatchObject({ outcome: 'hit', contact_id: contact.id, profile_id: UK, actor_id: 'ana' });
    since = await newest();
    const deepLink = await send(con.url, `/?profile=${UK}&search=%2B${digits}`, {
      headers: { accept: 'text/html', 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate', cookie },
    });
    expect(deepLink.text).toContain('data-status="200"');
    expect((await lookupsOf(since)).map((e) => e.contact_id)).toEqual([contact.id]);
  });

  it('a viewer learns no masked digit: every query with digits but paging and a lookup is refused', async () => {
    const cookie = await con.cookieOf('viewer');
    const fragment = contact.format_e164.replace(/\D/g, '').slice(2, 7);
    const fullwidth = [...fragment].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    for (const query of [
      `search=${fragment}`,
      `Search=${fragment}`,
      `SEARCH=${fragment}`,
      `search=%2B44%20${fragment}`,
      `search=x&search=${fragment}`,
      `search=${encodeURIComponent(fullwidth)}`,
      `q=${fragment}`,
      `phone=%2B44${fragment}`, // a part of a number, not a whole one
      `phone=${encodeURIComponent(contact.format_e164)}&PHONE=%2B${fragment}`,
    ]) {
      const res = await send(con.url, `/v3/contacts?page=1&page_size=20&${query}`, {
        headers: { ...SAME_ORIGIN, cookie, 'x-profile-id': UK },
      });
      expect([res.status, codeOf(res)], query).toEqual([403, 'GATEWAY_009']);
      expect(res.text).not.toContain(contact.id);
    }
    const ssr = await send(con.url, `/?profile=${UK}&search=${fragment}`, {
      headers: { accept: 'text/html', 'sec-fetch-site': 'none', cookie },
    });
    expect(ssr.text).toContain('data-status="403"');
    expect(ssr.text).not.toContain(contact.id);
  });
});
