// Pages, counts and people, the same on both stores: keyset pages stay put while entries arrive, counts
// stop at COUNT_CAP, a combination of filters narrows, the people directory follows names; SQLite's
// retention deletes in small transactions.
import { beforeEach, describe, expect, it } from 'vitest';
import { chainOf, chainOfSamples } from '../testing/audit-chains.ts';
import {
  BACKENDS,
  collect,
  type OpenedTrail,
  PHONE_KEY,
  sampleRecord,
  sqliteBackend,
  useTrail,
} from '../testing/audit-stores.ts';
import { chainEntry, type StoredEntry } from './entry.ts';
import { AuditRecorder } from './recorder.ts';
import { nextPruneRows, PRUNE_FIRST_ROWS, PRUNE_STEP_MS, type SqliteAuditStore } from './sqlite-store.ts';
import { COUNT_CAP, type Cursor } from './store.ts';

const seqs = (entries: StoredEntry[]) => entries.map((e) => e.seq);

describe.each(BACKENDS.map((make) => make()))('$name: pages, counts, people', (backend) => {
  const suite = useTrail(backend);
  let trail: OpenedTrail;
  let clock: Date;
  let recorder: AuditRecorder;

  beforeEach(() => {
    trail = suite.trail();
    clock = new Date('2025-03-04T10:00:00.000Z');
    recorder = new AuditRecorder({ store: trail.store, phoneKey: PHONE_KEY, now: () => clock });
  });

  it('older and newer pages stay the same while new entries arrive above them', async () => {
    await trail.bulk(chainOfSamples(12));
    const page = (cursor: { before?: Cursor; after?: Cursor } = {}) =>
      trail.store.query({}, { pageSize: 5, ...cursor });
    const first = await page();
    expect(seqs(first.entries)).toEqual([12, 11, 10, 9, 8]);
    clock = new Date('2025-03-05T10:00:00.000Z');
    for (let i = 0; i < 3; i++) await recorder.record(sampleRecord('lookup', i)); // #13–#15
    const second = await page({ before: first.older ?? undefined });
    expect(seqs(second.entries)).toEqual([7, 6, 5, 4, 3]);
    const back = await page({ after: second.newer ?? undefined });
    expect(seqs(back.entries)).toEqual([12, 11, 10, 9, 8]); // not the new ones: the page just newer than #8
    expect(back.newer).toMatchObject({ seq: 12 });
    expect(seqs((await page({ after: back.newer ?? undefined })).entries)).toEqual([15, 14, 13, 12, 11]);
    expect((await page()).total).toBe(15);
  });

  it('counts exactly up to COUNT_CAP, then says there are more', async () => {
    const entries = chainOfSamples(COUNT_CAP + 2);
    await trail.bulk(entries);
    const everything = await trail.store.query({}, { pageSize: 50 });
    expect(everything).toMatchObject({ total: COUNT_CAP, totalExact: false });
    const lookups = await trail.store.query({ actions: ['lookup'] }, { pageSize: 50 });
    expect(lookups).toMatchObject({ total: COUNT_CAP, totalExact: false });
    expect(lookups.entries[0]?.seq).toBe(COUNT_CAP + 2);
    const day = { from: '2025-03-04T10:00:00.000Z', to: '2025-03-04T12:00:00.000Z' }; // two hours: 120 entries
    expect(await trail.store.query(day, { pageSize: 50 })).toMatchObject({ total: 120, totalExact: true });
    expect(await trail.store.countAll({ actions: ['lookup'] })).toBe(COUNT_CAP + 2);
  });

  it('ties in time are ordered by seq, and a page boundary inside a tie loses nothing', async () => {
    clock = new Date('2025-03-04T10:00:00.000Z');
    for (let i = 0; i < 7; i++) await recorder.record(sampleRecord('contact.open', i)); // all at the same ms
    const first = await trail.store.query({ actions: ['contact.open'] }, { pageSize: 3 });
    const second = await trail.store.query(
      { actions: ['contact.open'] },
      { pageSize: 3, before: first.older ?? undefined },
    );
    const third = await trail.store.query(
      { actions: ['contact.open'] },
      { pageSize: 3, before: second.older ?? undefined },
    );
    expect([...seqs(first.entries), ...seqs(second.entries), ...seqs(third.entries)]).toEqual([
      7, 6, 5, 4, 3, 2, 1,
    ]);
    expect(third.older).toBeNull();
  });

  it('keeps one person per id and profile in the directory, with the name they last had', async () => {
    const carol = { id: 'u-carol', name: 'Carol Danvers', role: 'agent', groups: [] };
    await recorder.record({ ...sampleRecord('lookup'), actor: carol });
    await recorder.record({
      ...sampleRecord('lookup'),
      actor: { ...carol, name: 'Carol D. Marvel' },
      profileId: 'p-2',
    });
    await recorder.record({ ...sampleRecord('lookup'), actor: { ...carol, name: 'Carol D. Marvel' } });
    await recorder.record({
      action: 'session.sign_in',
      actor: { session: 'sid:abc', client: 'loopback user (no sign-in)' },
    });
    expect(await trail.store.people('marvel', 10)).toEqual([
      { id: 'u-carol', name: 'Carol D. Marvel', kind: 'person', role: 'agent' },
    ]);
    expect(await trail.store.people('danvers', 10)).toEqual([]);
    expect(await trail.store.people('LOOPBACK', 10)).toEqual([
      { id: 'sid:abc', name: 'loopback user (no sign-in)', kind: 'session', role: null },
    ]);
    expect((await trail.store.people('', 10)).map((p) => p.id)).toEqual(['u-carol', 'sid:abc']); // by name
    expect(await trail.store.people('100%_', 10)).toEqual([]); // LIKE wildcards are text
  });

  it('serves a combination of every filter', async () => {
    const base = chainOfSamples(3);
    const other = { ...base[1], actor_id: 'u-other', profile_id: 'p-other' } as StoredEntry;
    const entries = [base[0], chainEntry(base[0]?.hash ?? '', 2, other)] as StoredEntry[];
    await trail.bulk(entries);
    const filter = {
      actor: 'u-alice',
      profileId: base[0]?.profile_id ?? '',
      contactId: base[0]?.contact_id ?? '',
      number: { lastTwo: '23' },
      actions: ['lookup' as const],
      from: '2025-03-04T00:00:00.000Z',
      to: '2025-03-05T00:00:00.000Z',
    };
    expect(seqs((await trail.store.query(filter, { pageSize: 5 })).entries)).toEqual([1]);
    expect(seqs((await trail.store.query({ ...filter, actor: 'u-other' }, { pageSize: 5 })).entries)).toEqual(
      [],
    );
    expect(
      seqs((await trail.store.query({ actor: 'u-other', profileId: 'p-other' }, { pageSize: 5 })).entries),
    ).toEqual([2]);
  });
});

describe('SQLite retention', () => {
  const suite = useTrail(sqliteBackend());

  it('deletes in short transactions, each sealing the new start, none of them fsynced', async () => {
    const trail = suite.trail();
    await trail.bulk(chainOfSamples(1000)); // a minute apart from 2025-03-04T10:00Z
    const seals: number[] = [];
    const db = (trail.store as SqliteAuditStore).db;
    const synchronous = () => db.pragma('synchronous', { simple: true });
    const cutoff = new Date(Date.parse('2025-03-04T10:00:00.000Z') + 600 * 60_000);
    const checkpoint = await trail.store.prune(cutoff.toISOString(), (last) => {
      seals.push(last.seq);
      expect(synchronous()).toBe(1); // NORMAL inside a step: its commit does not wait for the disk
      return { at: cutoff.toISOString(), key: 'k', sig: 's' };
    });
    expect(synchronous()).toBe(2); // FULL again for appends
    expect(seals[0]).toBe(PRUNE_FIRST_ROWS);
    expect(seals.length).toBeGreaterThan(1);
    expect(seals.every((seq, i) => i === 0 || seq > (seals[i - 1] as number))).toBe(true);
    expect(seals.at(-1)).toBe(600);
    expect(checkpoint).toMatchObject({ seq: 600 });
    expect((await trail.store.query({}, { pageSize: 1 })).entries[0]?.seq).toBe(1000);
    expect((await collect(chainOf(trail.store)))[0]?.seq).toBe(601);
  });

  it('sizes each step by the last one: aimed at PRUNE_STEP_MS, at most doubling, 1 to 1,000 rows', () => {
    expect(nextPruneRows(20, PRUNE_STEP_MS)).toBe(20);
    expect(nextPruneRows(20, PRUNE_STEP_MS * 4)).toBe(5);
    expect(nextPruneRows(20, PRUNE_STEP_MS / 4)).toBe(40);
    expect(nextPruneRows(800, 0)).toBe(1000);
    expect(nextPruneRows(3, PRUNE_STEP_MS * 100)).toBe(1);
  });
});
