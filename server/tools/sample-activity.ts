// A few people using the console through the real gateway (lookups, openings, an edit, an export), so the
// screenshots show an Activity screen with something in it.
import type { GatewayAudit } from '../gateway/audit/trail.ts';
import { type AppServerOptions, startAppServer } from '../testing/app-server.ts';

const PEOPLE = [
  { sub: 'u-ada', name: 'Ada Okafor', role: 'admin', groups: ['compliance'] },
  { sub: 'u-sam', name: 'Sam Reyes', role: 'agent', groups: ['front-desk'] },
];
const PROFILE = '7a3d2c10-0000-4000-8000-000000000011';

export async function recordSampleActivity(
  options: AppServerOptions & { audit: GatewayAudit },
): Promise<void> {
  const headers = { 'x-profile-id': PROFILE, 'user-agent': 'Mozilla/5.0 (sample)' };
  for (const [i, person] of PEOPLE.entries()) {
    const server = await startAppServer({ ...options, actingAs: person });
    const get = (path: string) => fetch(server.url + path, { headers }).then((r) => r.json());
    const list = (await get(`/v3/contacts?page=${i + 1}&page_size=4`)) as {
      data: { contacts: { id: string; phone_number: string; opt_out: boolean }[] };
    };
    for (const contact of list.data.contacts) {
      await get(`/v3/contacts?page=1&page_size=1&phone=${encodeURIComponent(contact.phone_number)}`);
      await get(`/v3/contacts/${contact.id}`);
    }
    await get('/v3/contacts?page=1&page_size=1&phone=%2B14155550100');
    const [first] = list.data.contacts;
    if (first) {
      await fetch(`${server.url}/v3/contacts/${first.id}`, {
        method: 'PATCH',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ opt_out: !first.opt_out }),
      });
    }
    const post = (path: string, body: unknown) =>
      fetch(server.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ id: string }>);
    const { id } = await post('/__audit/exports', { filters: { search: '7700' }, profile_id: PROFILE });
    await post(`/__audit/exports/${id}/finish`, { status: 'done', row_count: 38 });
    await server.close();
  }
}
