import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sent from '@sentdm/sentdm';
import { describe, expect, it } from 'vitest';
import { apiForThisFile, DEMO_IDS, failureOf } from '../../testing/api-contract.ts';
import { startApiServer } from '../server.ts';

const api = apiForThisFile();

async function firstContact(profile?: string, match = (_: { available_channels?: string }) => true) {
  const res = await api
    .client()
    .contacts.list({ page: 1, page_size: 200, ...(profile ? { 'x-profile-id': profile } : {}) });
  const contact = res.data?.contacts?.find((c) => !c.is_inherited && match(c));
  if (!contact?.id) throw new Error('no contact');
  return contact as typeof contact & { id: string };
}

describe('mutations', () => {
  it('PATCH persists opt_out and default_channel, visible in detail and list', async () => {
    const contact = await firstContact(DEMO_IDS.labsDe, (c) => c.available_channels === 'sms,whatsapp');
    const client = api.client();
    const updated = await client.contacts.update(contact.id, {
      opt_out: !contact.opt_out,
      default_channel: contact.default_channel === 'sms' ? 'whatsapp' : 'sms',
      'x-profile-id': DEMO_IDS.labsDe,
    });
    expect(updated.data?.opt_out).toBe(!contact.opt_out);
    expect(updated.data?.updated_at).not.toBeNull();
    const again = await client.contacts.retrieve(contact.id, { 'x-profile-id': DEMO_IDS.labsDe });
    expect(again.data).toEqual(updated.data);
    const list = await client.contacts.list({ page: 1, page_size: 200, 'x-profile-id': DEMO_IDS.labsDe });
    expect(list.data?.contacts?.find((c) => c.id === contact.id)).toEqual(updated.data);
  });

  it('PATCH refuses inherited contacts, unreachable and unknown channels', async () => {
    const res = await api
      .client()
      .contacts.list({ page: 1, page_size: 200, 'x-profile-id': DEMO_IDS.pharmacyUs });
    const inherited = res.data?.contacts?.find((c) => c.is_inherited);
    const readOnly = await failureOf(
      api
        .client()
        .contacts.update(inherited?.id ?? '', { opt_out: true, 'x-profile-id': DEMO_IDS.pharmacyUs }),
    );
    expect(readOnly.error.error).toMatchObject({
      code: 'VALIDATION_001',
      message: 'This contact is read-only and cannot be updated.',
    });
    const smsOnly = await firstContact(undefined, (c) => c.available_channels === 'sms');
    const unreachable = await failureOf(
      api.client().contacts.update(smsOnly.id, { default_channel: 'whatsapp' }),
    );
    expect(unreachable.error.error.details).toHaveProperty('default_channel');
    const fax = await failureOf(api.client().contacts.update(smsOnly.id, { default_channel: 'fax' }));
    expect(fax.error.error.code).toBe('VALIDATION_006');
  });

  it('POST creates, refuses duplicates and bad numbers; DELETE removes', async () => {
    const client = api.client('sk_test_user_demo');
    const created = await client.contacts.create({ phone_number: '+44 7400 123999' });
    expect(created.data).toMatchObject({
      format_e164: '+447400123999',
      format_national: '07400 123999',
      region_code: 'GB',
      is_inherited: false,
    });
    const duplicate = await failureOf(client.contacts.create({ phone_number: '+447400123999' }));
    expect([duplicate.status, duplicate.error.error.code]).toEqual([409, 'RESOURCE_007']);
    const invalid = await failureOf(client.contacts.create({ phone_number: '+1 555' }));
    expect(invalid.error.error.code).toBe('VALIDATION_002');
    const found = await client.contacts.list({ page: 1, page_size: 10, phone: '00447400123999' });
    expect(found.data?.contacts?.[0]?.id).toBe(created.data?.id);
    await client.contacts.delete(created.data?.id ?? '', {});
    const gone = await failureOf(client.contacts.retrieve(created.data?.id ?? ''));
    expect(gone.status).toBe(404);
  });

  it('a restart keeps what was changed and does not reseed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sent-api-'));
    const dbPath = join(dir, 'api.sqlite');
    try {
      const one = await startApiServer({ dbPath, contactsPerProfile: 100, rateLimit: false });
      const client = new Sent({ apiKey: 'sk_test_org_demo', baseURL: one.url, maxRetries: 0 });
      const contact = (await client.contacts.list({ page: 1, page_size: 1 })).data?.contacts?.[0];
      await client.contacts.update(contact?.id ?? '', { opt_out: !contact?.opt_out });
      await one.close();
      const two = await startApiServer({ dbPath, contactsPerProfile: 100, rateLimit: false });
      const after = new Sent({ apiKey: 'sk_test_org_demo', baseURL: two.url, maxRetries: 0 });
      const reread = await after.contacts.retrieve(contact?.id ?? '');
      expect(reread.data?.opt_out).toBe(!contact?.opt_out);
      expect((await after.contacts.list({ page: 1, page_size: 1 })).data?.pagination?.total_count).toBe(50);
      await two.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
