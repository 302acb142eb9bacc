// Attack class: the team cache telling on colleagues (issue 20, item 9). `x-cache: hit` on a contact told a person
// that someone else had fetched that number seconds before. Whether the cache answered now goes to the gateway's
// request log and /metrics only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../api/demo.ts';
import { type Console, MODES, startConsole, type Who } from '../../testing/security/console.ts';
import { SAME_ORIGIN, send } from '../../testing/security/http.ts';
import { DEMO_ORG_KEY } from '../config.ts';
import { parseTeamConfig } from '../team/config.ts';

const UK = DEMO_IDS.clinicsUk;

describe.each(MODES)('%s mode: nobody learns from a response who else read a contact', (mode) => {
  let con: Console;
  const log: string[] = [];
  beforeAll(async () => {
    const settings = {
      apiVersion: 'v3',
      timeoutMs: 10_000,
      renderBudgetMs: 600_000,
      log: (line: string) => log.push(line),
    } as const;
    con = await startConsole(mode, { parts: { team: { config: parseTeamConfig({}) }, settings } });
  });
  afterAll(() => con.close());

  it("a colleague's read just before changes nothing in the answer's headers; the log and /metrics say it", async () => {
    const list = await con.api.fetch(
      new Request('http://api.test/v3/contacts?page=1&page_size=1', {
        headers: { 'x-api-key': DEMO_ORG_KEY, 'x-profile-id': UK },
      }),
    );
    const { id } = ((await list.json()) as { data: { contacts: [{ id: string }] } }).data.contacts[0];
    const [first, second]: [Who, Who] = mode === 'oidc' ? ['admin', 'agent'] : ['admin', 'admin'];
    const read = async (who: Who) =>
      send(con.url, `/v3/contacts/${id}`, {
        headers: { ...SAME_ORIGIN, cookie: await con.cookieOf(who), 'x-profile-id': UK },
      });
    const mine = await read(first);
    const theirs = await read(second);
    expect([mine.status, theirs.status]).toEqual([200, 200]);
    const names = (a: typeof mine) =>
      Object.keys(a.headers)
        .filter((h) => !['date', 'x-request-id', 'set-cookie', 'content-length'].includes(h))
        .sort();
    expect(names(theirs)).toEqual(names(mine));
    expect(theirs.headers['x-cache']).toBeUndefined();
    const logged = log
      .filter((l) => l.includes(`/v3/contacts/${id}`))
      .map((l) => / cache=(\w+)/.exec(l)?.[1]);
    expect(logged).toEqual(['miss', 'hit']);
    const metrics = await (await fetch(`${con.url}/metrics`)).text();
    expect(metrics).toMatch(/sent_cache_requests_total\{outcome="hit"\} [1-9]/);
  });
});
