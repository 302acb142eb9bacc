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
      const { entries, total } = await store.query(filter, { pageSize: 10 });
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
    expect(await profilesOf({ visible, number: { lastTwo: NUMBER.slice(-2) } })).toEqual([A]);
  });
});

describe.each(BACKENDS.map((make) => make()))('$name store: what a scoped admin learns', (backend) => {
  const suite = useTrail(backend);
  const mine = { profiles: [A], organizationWide: false };
  const person = (id: string, name: string) => ({ id, name, role: 'agent', groups: [] });

  /** Ann works in A; Bob in B (3 entries); a sign-in of Cyd has no profile. */
  async function seeded() {
    const { store } = suite.trail();
    const recorder = new AuditRecorder({ store, phoneKey: PHONE_KEY });
    await recorder.record({ ...sampleRecord('lookup'), actor: person('u-ann', 'Ann Able'), profileId: A });
    for (let i = 0; i < 3; i++)
      await recorder.record({
        ...sampleRecord('lookup', i),
        actor: person('u-bob', 'Bob Able'),
        profileId: B,
      });
    await recorder.record({
      ...sampleRecord('session.sign_in'),
      actor: person('u-cyd', 'Cyd Able'),
      profileId: null,
    });
    return store;
  }

  it('the people directory names only who appears in the profiles one may see', async () => {
    const store = await seeded();
    const ids = async (visible?: AuditFilter['visible']) =>
      (await store.people('able', 20, visible)).map((p) => p.id);
    expect(await ids(mine)).toEqual(['u-ann']);
    expect(await ids({ ...mine, organizationWide: true })).toEqual(['u-ann', 'u-cyd']);
    expect(await ids({ profiles: [], organizationWide: false })).toEqual([]);
    expect(await ids()).toEqual(['u-ann', 'u-bob', 'u-cyd']);
  });

  it("counts, pages and cursors say nothing of others' entries", async () => {
    const store = await seeded();
    // The whole trail's size is not their count (an unfiltered trail is counted from its seq range).
    expect(await store.query({ visible: mine }, { pageSize: 10 })).toMatchObject({
      total: 1,
      totalExact: true,
      older: null,
      newer: null,
    });
    expect(await store.countAll({ visible: mine })).toBe(1);
    // Someone else's person, or a profile not theirs: nothing, not even a count.
    for (const filter of [{ actor: 'u-bob' }, { profileId: B }, { actions: ['session.sign_in' as const] }]) {
      const page = await store.query({ ...filter, visible: mine }, { pageSize: 10 });
      expect(page).toMatchObject({ entries: [], total: 0, older: null, newer: null });
    }
    // A cursor made up to sit among Bob's entries pages only through Ann's.
    const [bobs] = (await store.query({ actor: 'u-bob' }, { pageSize: 1 })).entries;
    const cursor = { at: bobs?.at ?? '', seq: bobs?.seq ?? 0 };
    for (const side of [{ before: cursor }, { after: cursor }]) {
      const page = await store.query({ visible: mine }, { pageSize: 1, ...side });
      expect(page).toMatchObject({ older: null, newer: null });
      expect(page.entries.map((e) => e.actor_id)).toEqual(['u-ann']);
    }
  });
});
