// Every phone format the API returns, for every region the demo data has, through the official SDK; and the
// phone filter accepting what the API itself returns (RFC 3966 tel URIs included).
import type { ContactListResponse } from '@sentdm/sentdm/resources/contacts';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiForThisFile, failureOf, profileHeader } from '../../testing/api-contract.ts';
import { DEMO_ACCOUNTS, DEMO_KEYS } from '../demo.ts';

const api = apiForThisFile({ contactsPerProfile: 1000 });
type Contact = NonNullable<NonNullable<ContactListResponse['data']>['contacts']>[number];

/** How each demo key sees its own contacts, plus the organization's profiles. */
const scopes = [
  ...Object.keys(DEMO_KEYS).map((apiKey) => ({ apiKey, headers: {} })),
  ...DEMO_ACCOUNTS.filter((a) => a.organizationId === DEMO_ACCOUNTS[0]?.id).map((profile) => ({
    apiKey: 'sk_test_org_demo',
    headers: profileHeader(profile.id),
  })),
];
const regions = [...new Set(DEMO_ACCOUNTS.flatMap((account) => account.regions.map(([region]) => region)))];
/** One contact per region, with the scope that sees it. */
const byRegion = new Map<string, { contact: Contact; scope: (typeof scopes)[number] }>();

beforeAll(async () => {
  for (const scope of scopes) {
    const page = await api
      .client(scope.apiKey)
      .contacts.list({ page: 1, page_size: 1000 }, { headers: scope.headers });
    for (const contact of page.data?.contacts ?? [])
      if (contact.region_code && !byRegion.has(contact.region_code))
        byRegion.set(contact.region_code, { contact, scope });
  }
});

describe('format_rfc', () => {
  it('is present for every region of the generator', () => {
    expect([...byRegion.keys()].sort()).toEqual([...regions].sort());
  });

  it('joins the international groups with hyphens, as the seed and Google libphonenumber do (v3 and v1)', async () => {
    for (const [region, { contact, scope }] of byRegion) {
      const groups = contact.format_international?.split(' ') ?? [];
      expect(groups.length, region).toBeGreaterThan(2);
      expect(contact.format_rfc, region).toBe(`tel:${groups.join('-')}`);
      const one = await api
        .client(scope.apiKey)
        .contacts.retrieve(contact.id ?? '', {}, { headers: scope.headers });
      expect(one.data?.format_rfc).toBe(contact.format_rfc);
    }
    const v1 = await api
      .client()
      .get<{ items: { formatInternational: string; formatRfc: string }[] }>('/v1/contacts', {
        query: { pageSize: 100 },
      });
    for (const item of v1.items)
      expect(item.formatRfc).toBe(`tel:${item.formatInternational.replaceAll(' ', '-')}`);
  });
});

describe('GET /v3/contacts?phone=', () => {
  it('finds a contact by its own format_rfc, and by tel URIs with or without separators and parameters', async () => {
    for (const [region, { contact, scope }] of byRegion) {
      const e164 = contact.format_e164 ?? '';
      const rfc = contact.format_rfc ?? '';
      const countryCode = contact.country_code ?? '';
      const national = e164.slice(1 + countryCode.length);
      for (const phone of [
        rfc,
        `tel:${e164}`,
        `TEL:${e164}`,
        `${rfc};ext=42`,
        `tel:${national};phone-context=+${countryCode}`,
        `${rfc};phone-context=example.com`,
      ]) {
        const found = await api
          .client(scope.apiKey)
          .contacts.list({ page: 1, page_size: 1, phone }, { headers: scope.headers });
        expect(
          found.data?.contacts?.map((c) => c.id),
          `${region} ${phone}`,
        ).toEqual([contact.id]);
      }
    }
  });

  it('refuses a tel URI that holds no phone number with VALIDATION_002', async () => {
    for (const phone of ['tel:', 'tel:+1-CALL-NOW', 'tel:;ext=1']) {
      const refused = await failureOf(api.client().contacts.list({ page: 1, page_size: 1, phone }));
      expect(refused.status, phone).toBe(400);
      expect(refused.error.error.code, phone).toBe('VALIDATION_002');
    }
  });
});
