// The screens of issue 21 for `npm run screenshots`: the Reachability card (landline in four ways, a ported
// mobile, VoIP) and a lookup without a contact (what the number is, where else it lives, All my profiles).
import { addReachabilitySample } from './reachability-sample.ts';
import { fourWays, type Shot } from './screenshot-shots.ts';

const PROFILE_UK = '7a3d2c10-0000-4000-8000-000000000011';
const PROFILE_DE = '7a3d2c10-0000-4000-8000-000000000013';
const KEY = 'sk_test_org_demo';

type Api = { fetch(request: Request): Promise<Response> };

export async function numberShots(api: Api): Promise<Shot[]> {
  const reach = await addReachabilitySample(api, KEY, PROFILE_UK);
  const response = await api.fetch(
    new Request('http://api/v3/contacts?page=1&page_size=1', {
      headers: { 'x-api-key': KEY, 'x-profile-id': PROFILE_DE },
    }),
  );
  const [inDe] = ((await response.json()) as { data: { contacts: { format_e164: string }[] } }).data.contacts;
  const elsewhere = `/?profile=${PROFILE_UK}&phone=${encodeURIComponent(inDe?.format_e164 ?? '')}`;
  const card = (id: string) => `/contacts/${id}?profile=${PROFILE_UK}`;
  return [
    ...fourWays({
      name: 'reach-landline',
      path: card(reach.landline.id),
      ready: '.reachability .verdict',
      fullPage: true,
    }),
    ...fourWays({
      name: 'lookup-facts',
      path: `/?profile=${PROFILE_UK}&phone=%2B442079460100`,
      ready: '.verdict',
      fullPage: true,
    }),
    { name: 'reach-ported', path: card(reach.ported.id), ready: '.reachability .verdict' },
    { name: 'reach-voip', path: card(reach.voip.id), ready: '.reachability .verdict' },
    { name: 'lookup-elsewhere', path: elsewhere, ready: '[data-found] a' },
    { name: 'lookup-all', path: `${elsewhere}&in=all`, ready: '[data-found] a' },
  ];
}
