// Who may see which entries, in both stores: the gateway passes an admin's profiles as `visible` and the stores
// apply it in their WHERE clause (sql.ts), to the query, its count and the CSV's iteration alike.
import { describe, expect, it } from 'vitest';
import { BACKENDS, collect, NUMBER, PHONE_KEY, sampleRecord, useTrail } from '../testing/audit-stores.ts';
import { AuditRecorder } from './recorder.ts';
import type { AuditFilter } from './store.ts';

const A = '5f0c3a4e-1111-4222-8333-00000000000a';
const B = '5f0c3a4e-1111-4222-8333-00000000000b';

describe.each(BACKENDS.map((make) => make()))('$name store: visibility', (backend) => {
  const suite = useTrail(backend);

  async function seeded() {
    const { store } = suite.trail();
    const recorder = new AuditRecorder({ store, phoneKey: PHONE_KEY });
    // One entry in A (spelt in capitals by its caller), one in B, one of no profile.
    for (const profileId of [A.toUpperCase(), B, null])
      await recorder.record({ ...sampleRecord('lookup'), profileId });
    const profilesOf = async (filter: AuditFilter) => {
      const { entries, total } = await store.query(filter, { page: 1, pageSize: 10 });
      const iterated = await collect(store.iterate(filter));
      expect(iterated.map((e) => e.seq).reverse()).toEqual(entries.map((e) => e.seq));
      expect(total).toBe(entries.length);
      return entries.map((e) => e.profile_id).sort();
    };
    return profilesOf;
  }

  it('an admin of some profiles sees theirs; entries of no profile only when organization-wide', async () => {
    const profilesOf = await seeded();
    expect(await profilesOf({ visible: { profiles: [A], organizationWide: false } })).toEqual([A]);
    expect(await profilesOf({ visible: { profiles: [A], organizationWide: true } })).toEqual([A, null]);
    expect(await profilesOf({ visible: { profiles: [], organizationWide: false } })).toEqual([]);
    expect(await profilesOf({ visible: { profiles: '*', organizationWide: true } })).toEqual([A, B, null]);
    expect(await profilesOf({})).toEqual([A, B, null]);
  });

  it("narrows together with the reader's own filters", async () => {
    const profilesOf = await seeded();
    const visible = { profiles: [A], organizationWide: false };
    expect(await profilesOf({ visible, profileId: B })).toEqual([]);
    expect(await profilesOf({ visible, number: { hash: null, maskedFragment: NUMBER.slice(-2) } })).toEqual([
      A,
    ]);
  });
});
