// POST and DELETE /v3/contacts as the SDK documents them, driven with the official client: sandbox simulates
// without side effects, Idempotency-Key replays (per customer, once even when sent twice at once), 409
// RESOURCE_007 for a number already there, inherited contacts cannot be removed, and a removed or unknown
// contact is 404.
import { describe, expect, it } from 'vitest';
import { apiForThisFile, DEMO_IDS, failureOf } from '../../testing/api-contract.ts';

const api = apiForThisFile();
const user = () => api.client('sk_test_user_demo');
const org = () => api.client('sk_test_org_demo');
const lookup = (phone: string, client = user()) =>
  failureOf(client.contacts.list({ page: 1, page_size: 1, phone })).then((e) => e.status);
const totalOf = async (client = user()) =>
  (await client.contacts.list({ page: 1, page_size: 1 })).data?.pagination?.total_count;

describe('sandbox', () => {
  it('POST answers the contact it would create and stores nothing', async () => {
    const before = await totalOf();
    const simulated = await user().contacts.create({ phone_number: '+44 7400 555001', sandbox: true });
    expect(simulated.data).toMatchObject({ format_e164: '+447400555001', region_code: 'GB' });
    expect(await lookup('+447400555001')).toBe(404);
    expect(await totalOf()).toBe(before);
  });

  it('POST of a number already there answers 409, as the real request would', async () => {
    const existing = (await user().contacts.list({ page: 1, page_size: 1 })).data?.contacts?.[0];
    const refused = await failureOf(
      user().contacts.create({ phone_number: existing?.format_e164 ?? '', sandbox: true }),
    );
    expect([refused.status, refused.error.error.code]).toEqual([409, 'RESOURCE_007']);
  });

  it('DELETE answers 204 and removes nothing; an unknown id is still 404', async () => {
    const contact = (await user().contacts.list({ page: 1, page_size: 1 })).data?.contacts?.[0];
    await user().contacts.delete(contact?.id ?? '', { sandbox: true });
    expect((await user().contacts.retrieve(contact?.id ?? '')).data?.id).toBe(contact?.id);
    const unknown = await failureOf(
      user().contacts.delete('00000000-0000-4000-8000-00000000dead', { sandbox: true }),
    );
    expect(unknown.status).toBe(404);
  });
});

describe('Idempotency-Key', () => {
  it('a replay answers the first response (marked as replayed) and acts once', async () => {
    const before = await totalOf();
    const send = () =>
      user()
        .contacts.create({ phone_number: '+61 412 345 999', 'Idempotency-Key': 'create-1' })
        .withResponse();
    const first = await send();
    const replay = await send();
    expect(replay.data.data?.id).toBe(first.data.data?.id);
    expect(replay.response.headers.get('idempotent-replayed')).toBe('true');
    expect(first.response.headers.get('idempotent-replayed')).toBeNull();
    expect(await totalOf()).toBe((before ?? 0) + 1);
  });

  it('two requests with one key at the same moment create one contact', async () => {
    const before = await totalOf();
    const send = () =>
      user().contacts.create({ phone_number: '+61 412 345 888', 'Idempotency-Key': 'race-1' });
    const [a, b] = await Promise.all([send(), send()]);
    expect(a.data?.id).toBe(b.data?.id);
    expect(await totalOf()).toBe((before ?? 0) + 1);
  });

  it('the same key for another request is refused, naming the header', async () => {
    await user().contacts.create({ phone_number: '+61 412 345 777', 'Idempotency-Key': 'reuse-1' });
    const other = await failureOf(
      user().contacts.create({ phone_number: '+61 412 345 666', 'Idempotency-Key': 'reuse-1' }),
    );
    expect(other.error.error).toMatchObject({ code: 'VALIDATION_001' });
    expect(other.error.error.details).toHaveProperty('Idempotency-Key');
    expect(await lookup('+61412345666')).toBe(404);
  });

  it('keys are per customer: one profile reusing another profile’s key acts for itself', async () => {
    const inProfile = (profile: string) =>
      org().contacts.create({
        phone_number: '+49 1512 3456789',
        'Idempotency-Key': 'per-customer',
        'x-profile-id': profile,
      });
    const uk = await inProfile(DEMO_IDS.clinicsUk);
    const de = await inProfile(DEMO_IDS.labsDe);
    expect(de.data?.id).not.toBe(uk.data?.id);
  });

  it('a malformed key is refused', async () => {
    const bad = await failureOf(
      user().contacts.create({ phone_number: '+61 412 345 555', 'Idempotency-Key': 'not ok!' }),
    );
    expect(bad.error.error.details).toHaveProperty('Idempotency-Key');
  });
});

describe('POST conflicts', () => {
  it('409 RESOURCE_007 for the same number in another format', async () => {
    await user().contacts.create({ phone_number: '+1 415 555 0142' });
    const again = await failureOf(user().contacts.create({ phone_number: '001 (415) 555-0142' }));
    expect([again.status, again.error.error.code]).toEqual([409, 'RESOURCE_007']);
  });

  it('409 in a profile for a number it inherits from the organization', async () => {
    const inherited = (
      await org().contacts.list({ page: 1, page_size: 50, 'x-profile-id': DEMO_IDS.pharmacyUs })
    ).data?.contacts?.find((c) => c.is_inherited);
    const refused = await failureOf(
      org().contacts.create({
        phone_number: inherited?.format_e164 ?? '',
        'x-profile-id': DEMO_IDS.pharmacyUs,
      }),
    );
    expect(refused.status).toBe(409);
  });
});

describe('DELETE', () => {
  it('removes; a second DELETE and a GET are 404 RESOURCE_001', async () => {
    const created = await user().contacts.create({ phone_number: '+44 7400 555002' });
    const id = created.data?.id ?? '';
    await user().contacts.delete(id, {});
    const again = await failureOf(user().contacts.delete(id, {}));
    expect([again.status, again.error.error.code]).toEqual([404, 'RESOURCE_001']);
    expect((await failureOf(user().contacts.retrieve(id))).status).toBe(404);
    expect(await lookup('+447400555002')).toBe(404);
  });

  it('an inherited contact cannot be removed, and says why', async () => {
    const inherited = (
      await org().contacts.list({ page: 1, page_size: 50, 'x-profile-id': DEMO_IDS.pharmacyUs })
    ).data?.contacts?.find((c) => c.is_inherited);
    const refused = await failureOf(
      org().contacts.delete(inherited?.id ?? '', { 'x-profile-id': DEMO_IDS.pharmacyUs }),
    );
    expect(refused.status).toBe(400);
    expect(refused.error.error).toMatchObject({
      code: 'VALIDATION_001',
      message: 'This contact is read-only and cannot be deleted.',
      details: { id: [expect.stringContaining('only the organization can remove them')] },
    });
    const still = await org().contacts.retrieve(inherited?.id ?? '', { 'x-profile-id': DEMO_IDS.pharmacyUs });
    expect(still.data?.id).toBe(inherited?.id);
  });

  it("another profile's contact is 404 and stays", async () => {
    const uk = (await org().contacts.list({ page: 1, page_size: 1, 'x-profile-id': DEMO_IDS.clinicsUk })).data
      ?.contacts?.[0];
    const refused = await failureOf(org().contacts.delete(uk?.id ?? '', { 'x-profile-id': DEMO_IDS.labsDe }));
    expect(refused.status).toBe(404);
    expect(
      (await org().contacts.retrieve(uk?.id ?? '', { 'x-profile-id': DEMO_IDS.clinicsUk })).data?.id,
    ).toBe(uk?.id);
  });
});
