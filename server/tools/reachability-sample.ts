// Contacts of every kind of line the Reachability card tells apart, in one profile of the embedded demo API:
// the demo data holds only mobiles, so a landline and a VoIP number are added; a mobile that was ported and one
// that was not are found among the profile's own. For the e2e specs and the screenshots.

interface SampleContact {
  id: string;
  format_e164: string;
  format_international: string;
}

export interface ReachabilitySample {
  mobile: SampleContact & { carrier: string };
  ported: SampleContact & { carrier: string };
  landline: SampleContact;
  voip: SampleContact;
}

/** A landline (London, Ofcom's drama range) and a UK VoIP number (056). */
export const SAMPLE_LANDLINE = '+442079460958';
export const SAMPLE_VOIP = '+445612345678';

type Api = { fetch(request: Request): Promise<Response> };

async function call<T>(
  api: Api,
  apiKey: string,
  profileId: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await api.fetch(
    new Request(`http://api.invalid${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { 'x-api-key': apiKey, 'x-profile-id': profileId, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    }),
  );
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: T }).data;
}

export async function addReachabilitySample(api: Api, apiKey: string, profileId: string) {
  const add = (phone: string) =>
    call<SampleContact>(api, apiKey, profileId, '/v3/contacts', { phone_number: phone });
  const landline = await add(SAMPLE_LANDLINE);
  const voip = await add(SAMPLE_VOIP);
  const { contacts } = await call<{ contacts: SampleContact[] }>(
    api,
    apiKey,
    profileId,
    '/v3/contacts?page=1&page_size=200',
  );
  let mobile: ReachabilitySample['mobile'] | undefined;
  let ported: ReachabilitySample['ported'] | undefined;
  for (const contact of contacts) {
    const facts = await call<{ line_type: string; carrier_name: string | null; is_ported: boolean | null }>(
      api,
      apiKey,
      profileId,
      `/v3/numbers/lookup/${encodeURIComponent(contact.format_e164)}`,
    );
    if (facts.line_type !== 'mobile' || !facts.carrier_name) continue;
    const found = { ...contact, carrier: facts.carrier_name };
    if (facts.is_ported) ported ??= found;
    else mobile ??= found;
    if (mobile && ported) break;
  }
  if (!mobile || !ported)
    throw new Error('the profile has no ported (or no unported) mobile among its contacts');
  return { mobile, ported, landline, voip } satisfies ReachabilitySample;
}
