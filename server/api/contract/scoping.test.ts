import { describe, expect, it } from 'vitest';
import { apiForThisFile, DEMO_IDS, failureOf } from '../../testing/api-contract.ts';

const api = apiForThisFile();

async function ids(key: string, profile?: string) {
  const res = await api
    .client(key)
    .contacts.list({ page: 1, page_size: 1000, ...(profile ? { 'x-profile-id': profile } : {}) });
  return res.data?.contacts ?? [];
}

describe('profile scoping', () => {
  it('each profile sees only its own contacts; the organization sees its own', async () => {
    const org = await ids('sk_test_org_demo');
    const uk = await ids('sk_test_org_demo', DEMO_IDS.clinicsUk);
    const de = await ids('sk_test_org_demo', DEMO_IDS.labsDe);
    expect(org.length).toBeGreaterThan(0);
    expect(uk.length).toBeGreaterThan(0);
    const sets = [org, uk, de].map((list) => new Set(list.map((c) => c.id)));
    for (const c of uk) expect(sets[0]?.has(c.id) || sets[2]?.has(c.id)).toBe(false);
    expect(uk.every((c) => c.is_inherited === false)).toBe(true);
    expect(new Set(uk.map((c) => c.region_code)).size).toBeGreaterThan(3);
  });

  it('a profile that inherits sees the organization contacts flagged is_inherited', async () => {
    const org = await ids('sk_test_org_demo');
    const pharmacy = await ids('sk_test_org_demo', DEMO_IDS.pharmacyUs);
    const inherited = pharmacy.filter((c) => c.is_inherited).map((c) => c.id);
    expect(inherited.sort()).toEqual(org.map((c) => c.id).sort());
    expect(pharmacy.some((c) => !c.is_inherited)).toBe(true);
  });

  it('the profile key sees exactly what the organization sees through x-profile-id', async () => {
    const viaOrg = await ids('sk_test_org_demo', DEMO_IDS.clinicsUk);
    const viaProfileKey = await ids('sk_test_profile_demo');
    expect(viaProfileKey.map((c) => c.id)).toEqual(viaOrg.map((c) => c.id));
  });

  it('an empty profile lists nothing; another organization cannot read our contacts', async () => {
    const ventures = await api
      .client()
      .contacts.list({ page: 1, page_size: 20, 'x-profile-id': DEMO_IDS.ventures });
    expect(ventures.data?.contacts).toEqual([]);
    expect(ventures.data?.pagination).toMatchObject({ total_count: 0, total_pages: 0, has_more: false });
    const ours = (await ids('sk_test_org_demo'))[0]?.id ?? '';
    const stranger = await failureOf(api.client('sk_test_org_other').contacts.retrieve(ours));
    expect(stranger.status).toBe(404);
  });

  it('profiles and me describe each kind of key', async () => {
    const profiles = await api.client().profiles.list();
    expect(profiles.data?.profiles?.map((p) => p.name)).toEqual([
      'Northwind Clinics UK',
      'Northwind Pharmacy US',
      'Northwind Labs DE',
      'Northwind Ventures',
    ]);
    const one = await api.client().profiles.retrieve(DEMO_IDS.pharmacyUs);
    expect(one.data).toMatchObject({ id: DEMO_IDS.pharmacyUs, inherit_contacts: true });
    const foreign = await failureOf(api.client().profiles.retrieve(DEMO_IDS.otherProfile));
    expect(foreign.status).toBe(403);

    const org = await api.client().me.retrieve();
    expect(org.data).toMatchObject({ type: 'organization', name: 'Northwind Health' });
    expect(org.data?.profiles).toHaveLength(4);
    const profile = await api.client('sk_test_profile_demo').me.retrieve();
    expect(profile.data).toMatchObject({
      type: 'profile',
      organization_id: DEMO_IDS.organization,
      profiles: [],
    });
    const user = await api.client('sk_test_user_demo').me.retrieve();
    expect(user.data).toMatchObject({ type: 'user', name: 'Jordan Avery', profiles: [] });
    expect(user.data?.channels?.rcs?.configured).toBe(false);
  });
});
