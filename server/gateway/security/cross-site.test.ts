// Attack class: GET side effects started by another site (issue 20, item 9). A lookup, a contact opened, an
// export downloaded are audit entries in the name of whoever's browser asked; a link or an image on another site
// made a signed-in person's browser record a lookup in their name (the OIDC cookie is SameSite=Lax, the
// loopback mode has none). Now such a navigation gets a page asking to continue, and other cross-site reads of
// the API or the gateway's own routes are refused; the console's own navigations record as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../api/demo.ts';
import { type Console, MODES, startConsole } from '../../testing/security/console.ts';
import { CROSS_SITE_NAVIGATION, codeOf, send } from '../../testing/security/http.ts';
import { DEMO_ORG_KEY } from '../config.ts';

const UK = DEMO_IDS.clinicsUk;

describe.each(MODES)('%s mode: another site cannot make a browser record a view', (mode) => {
  let con: Console;
  let contact: { id: string; phone_number: string };
  let cookie: string;
  beforeAll(async () => {
    con = await startConsole(mode);
    const res = await con.api.fetch(
      new Request('http://api.test/v3/contacts?page=1&page_size=1', {
        headers: { 'x-api-key': DEMO_ORG_KEY, 'x-profile-id': UK },
      }),
    );
    [contact] = ((await res.json()) as { data: { contacts: [typeof contact] } }).data.contacts;
    cookie = await con.cookieOf(mode === 'oidc' ? 'agent' : 'admin');
  });
  afterAll(() => con.close());

  const links = (): [string, string, string] => [
    `/?profile=${UK}&phone=${encodeURIComponent(contact.phone_number)}`,
    `/contacts/${contact.id}?profile=${UK}`,
    `/?profile=${UK}&search=${contact.phone_number.replace(/\D/g, '')}`,
  ];
  const newest = async () => (await con.entries())[0]?.seq ?? 0;

  it('links, images and fetches from another site record nothing; the same link from the console does', async () => {
    const since = await newest();
    for (const site of ['cross-site', 'same-site']) {
      const navigation = { ...CROSS_SITE_NAVIGATION, 'sec-fetch-site': site, cookie };
      for (const link of links()) {
        const page = await send(con.url, link, { headers: navigation });
        expect(page.status, link).toBe(200);
        expect(page.text).toContain('Open this in the Sent console?');
        expect(page.text).toContain(`href="${link.replaceAll('&', '&amp;')}"`);
        expect(page.text).not.toContain('data-status');
      }
      const subresource = {
        'sec-fetch-site': site,
        'sec-fetch-mode': 'no-cors',
        accept: 'text/html',
        cookie,
      };
      for (const link of links())
        expect((await send(con.url, link, { headers: subresource })).status).toBe(200);
      for (const [path, headers] of [
        [`/v3/contacts?page=1&page_size=1&phone=${encodeURIComponent(contact.phone_number)}`, navigation],
        [`/v3/contacts/${contact.id}`, { ...subresource, 'x-profile-id': UK }],
        ['/__audit/export.csv', navigation],
        ['/__audit?page_size=5', subresource],
      ] as const) {
        const res = await send(con.url, path, { headers });
        expect([res.status, codeOf(res)], path).toEqual([403, 'GATEWAY_007']);
      }
    }
    expect((await con.entries()).filter((e) => e.seq > since)).toEqual([]);
    // Continuing from the console's own page (same-origin), or a typed address (none), records once.
    for (const [site, link] of [
      ['same-origin', links()[0]],
      ['none', links()[1]],
    ] as const) {
      const before = await newest();
      const page = await send(con.url, link, {
        headers: { ...CROSS_SITE_NAVIGATION, 'sec-fetch-site': site, cookie },
      });
      expect(page.text).toContain('data-status="200"');
      const added = (await con.entries()).filter((e) => e.seq > before);
      expect(added.map((e) => [e.action, e.contact_id])).toEqual([
        [site === 'none' ? 'contact.open' : 'lookup', contact.id],
      ]);
    }
  });
});
