import { afterAll, describe, expect, it } from 'vitest';
import { createEmbeddedApi } from '../server/api/server.ts';
import type { Transport } from './api/client';
import { renderPage } from './entry-server';
import type { ServerState } from './serverState';
import { CONTACT_NUMBER_PREFIX, numberLookupPath } from './shared/numbers';
import { ME_PATH } from './shared/person';

const api = createEmbeddedApi({ contactsPerProfile: 60, rateLimit: false });
afterAll(() => api.close());
const PROFILE_UK = '7a3d2c10-0000-4000-8000-000000000011';

/** The embedded API with a server-side key; records every request the render made. */
function transport(apiKey = 'sk_test_org_demo') {
  const seen: { path: string; profile: string | null }[] = [];
  const send: Transport = (url, init) => {
    const headers = new Headers(init.headers);
    seen.push({ path: url, profile: headers.get('x-profile-id') });
    // The gateway answers this one itself (no staff sign-in here: no person).
    if (url === ME_PATH) return Promise.resolve(Response.json({ success: true, data: { person: null } }));
    headers.set('x-api-key', apiKey);
    const get = (path: string) => api.fetch(new Request(`http://api.test${path}`, { ...init, headers }));
    // The gateway's own route for a contact's number (server/gateway/routes/numbers.ts): read, then look up.
    const contactId = url.startsWith(CONTACT_NUMBER_PREFIX) ? url.slice(CONTACT_NUMBER_PREFIX.length) : null;
    if (contactId === null) return get(url);
    return get(`/v3/contacts/${contactId}`)
      .then((res) => res.json() as Promise<{ data: { format_e164: string } }>)
      .then(({ data }) => get(numberLookupPath(data.format_e164)));
  };
  return { send, seen };
}

const render = (url: string, api: Transport, cookies = '') =>
  renderPage({ url, cookies, acceptLanguage: 'en-GB,en;q=0.8', api });

const stateOf = (page: { state: string | null }) => JSON.parse(page.state ?? 'null') as ServerState;

describe('server rendering (src/entry-server.tsx)', () => {
  it('renders the rows the URL asks for, with only the requests the first screen needs', async () => {
    const { send, seen } = transport();
    const page = await render(`/?profile=${PROFILE_UK}&page_size=10&channel=sms`, send);
    if (!page) throw new Error('expected a rendered page');
    expect(page.html.match(/class="row-link/g)).toHaveLength(10);
    // Rendered as settled, like the browser's first render: no background-fetch bar, no stale table.
    expect(page.html).not.toMatch(/progress-active|table-stale|aria-busy="true"/);
    expect(seen.map((r) => [r.path.split('?')[0], r.profile]).sort()).toEqual([
      ['/__me', null],
      ['/v3/contacts', PROFILE_UK],
      ['/v3/me', null],
    ]);
    expect(seen.find((r) => r.path.startsWith('/v3/contacts'))?.path).toBe(
      '/v3/contacts?page=1&page_size=10&channel=sms',
    );
    const state = stateOf(page);
    expect(state.queries.queries.map((q) => q.queryKey[1])).toEqual(
      expect.arrayContaining(['me', PROFILE_UK]),
    );
    // The lookup region follows Accept-Language when the browser chose none.
    expect(state.prefs).toMatchObject({ privacy: false, region: null, languages: ['en-GB', 'en'] });
    expect(page.html).toContain('<option value="GB" selected="">United Kingdom (+44)</option>');
  });

  it('renders a contact deep link with its fields', async () => {
    const first = await render('/', transport().send);
    const id = stateOf(first as { state: string | null }).queries.queries.flatMap(
      (q) => (q.state.data as { contacts?: { id: string }[] })?.contacts ?? [],
    )[0]?.id;
    const { send, seen } = transport();
    const page = await render(`/contacts/${id}`, send);
    expect(page?.html).toContain('Phone formats');
    // The Reachability card, asked beside the contact (not after it), rendered with its facts.
    expect(page?.html).toMatch(
      /Reachability<\/h2><dl class="fields number-facts"><div class="field"><dt>Line type<\/dt><dd>[A-Z]/,
    );
    expect(page?.state).not.toBeNull();
    expect(seen.map((r) => r.path)).toContain(`${CONTACT_NUMBER_PREFIX}${id}`);
  });

  it('renders a lookup that finds nobody in full: what the number is, the other profiles, every region', async () => {
    const page = await render(`/?profile=${PROFILE_UK}&phone=%2B442079460958`, transport().send);
    if (!page) throw new Error('expected a rendered page (within the render passes)');
    expect(page.html).toContain('No contact with +44 20 7946 0958');
    expect(page.html).toContain('<dd>Landline</dd>');
    expect(page.html).toContain('Landline: SMS will not arrive; call instead.');
    expect(page.html).toMatch(/In none of these 4\.|Found in \d of 4\./);
    // Everything inline: a boundary outlined past 12.8 kB would need an inline script the CSP refuses.
    expect(page.html).not.toContain('<template');
    // The region select offers every region without JavaScript, not only the default one.
    expect(page.html.match(/<option value="[A-Z]{2}"/g)?.length).toBeGreaterThan(200);
  });

  it('renders what the API refused without state, so the browser renders it afresh rather than hydrating', async () => {
    const refused = await render('/', transport('sk_test_not_a_key').send);
    expect(refused).toMatchObject({ state: null });
    expect(refused?.html).toContain('API key');
    const missing = await render('/contacts/not-a-contact', transport().send);
    expect(missing).toMatchObject({ state: null });
    expect(missing?.html).toContain('Could not load this contact');
    expect(missing?.html).toContain('>Retry</button>');
  });

  it('keeps hostile data inert: no "<" in the state script, markup escaped', async () => {
    const evil = '</script><script>alert(1)</script><!--';
    const send: Transport = async (url) =>
      Response.json({
        success: true,
        error: null,
        meta: {},
        data: url.startsWith('/v3/me')
          ? { id: 'a', name: evil, type: 'user', profiles: [] }
          : {
              contacts: [{ id: 'c1', format_international: evil, created_at: '2026-01-01T00:00:00Z' }],
              pagination: { page: 1, page_size: 20, total_count: 1, total_pages: 1, has_more: false },
            },
      });
    const page = await render('/', send);
    if (!page) throw new Error('expected a rendered page');
    expect(page.state).not.toContain('<');
    expect(JSON.stringify(stateOf(page))).toContain(evil);
    expect(page.html).not.toContain('<script>');
    expect(page.html).toContain('&lt;/script&gt;');
  });
});
