// The same behaviour from both stores: SQLite and a real PostgreSQL 15 (started here; a failure to start
// fails the tests). Recording, querying, retention, append-only guards, and two replicas writing at once.
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { chainOf } from '../testing/audit-chains.ts';
import {
  BACKENDS,
  CONTACT,
  collect,
  EVERY_ACTION,
  NUMBER,
  type OpenedTrail,
  PHONE_KEY,
  PROFILE,
  sampleRecord,
  testSigningKey,
  useTrail,
} from '../testing/audit-stores.ts';
import { Anchorer, readAnchors } from './anchor.ts';
import { phoneHash } from './phone.ts';
import { AuditRecorder } from './recorder.ts';
import { applyRetention } from './service.ts';
import { verifyTrail } from './verify.ts';

const key = testSigningKey();
const DAY = 24 * 60 * 60 * 1000;

describe.each(BACKENDS.map((make) => make()))('$name audit store', (backend) => {
  const suite = useTrail(backend);
  let trail: OpenedTrail;
  let clock: Date;
  let recorder: AuditRecorder;
  let anchorer: Anchorer;
  let anchorFile: string;
  const tick = (ms: number) => (clock = new Date(clock.getTime() + ms));
  const verify = async () =>
    verifyTrail({
      entries: chainOf(trail.store),
      checkpoint: await trail.store.checkpoint(),
      anchors: readAnchors(anchorFile),
      keys: [key],
    });

  beforeEach(async () => {
    trail = suite.trail();
    clock = new Date('2025-03-04T10:00:00.000Z');
    recorder = new AuditRecorder({ store: trail.store, phoneKey: PHONE_KEY, now: () => clock });
    anchorFile = join(suite.dir, `anchors-${Math.random()}.jsonl`);
    anchorer = new Anchorer({ store: trail.store, key, file: anchorFile, now: () => clock });
  });

  it('writes exactly one entry per recorded action, with every field, and no number in clear', async () => {
    for (const [i, action] of EVERY_ACTION.entries()) {
      tick(1000);
      const written = await recorder.record(sampleRecord(action, i));
      const { entries, total } = await trail.store.query({}, { pageSize: 100 });
      expect(total).toBe(i + 1);
      expect(entries[0]).toEqual(written);
      expect(written).toMatchObject({
        seq: i + 1,
        at: clock.toISOString(),
        action,
        outcome: action === 'lookup' ? 'hit' : 'ok',
        actor_kind: 'person',
        actor_id: 'u-alice',
        actor_name: 'Alice Admin',
        actor_role: 'admin',
        actor_groups: ['admins', 'support'],
        profile_id: PROFILE,
        contact_id: CONTACT,
        phone_masked: '+44••••••••23',
        phone_hash: phoneHash(NUMBER, PHONE_KEY),
        request_id: `req-${action}-${i}`,
        client_address: '127.0.0.1',
        user_agent: 'vitest',
      });
      expect(JSON.stringify(entries[0])).not.toContain('7700900123');
    }
    const [edit] = (await trail.store.query({ actions: ['contact.edit'] }, { pageSize: 5 })).entries;
    expect(edit?.details).toEqual({ before: { opt_out: false }, after: { opt_out: true } });
    const [exported] = (await trail.store.query({ actions: ['contacts.export'] }, { pageSize: 5 })).entries;
    expect(exported?.details).toEqual({ filters: { search: '415' }, row_count: 42 });
  });

  it('records a session actor (before sign-in) and a miss', async () => {
    const entry = await recorder.record({
      action: 'lookup',
      outcome: 'miss',
      actor: { session: 'sess-1', client: 'access-secret' },
      phone: '+1 415 555 0100',
    });
    expect(entry).toMatchObject({
      actor_kind: 'session',
      actor_id: 'sess-1',
      actor_name: 'access-secret',
      actor_groups: [],
    });
    expect(entry).toMatchObject({
      outcome: 'miss',
      phone_masked: '+1••••••••00',
      phone_hash: phoneHash('+14155550100', PHONE_KEY),
    });
  });

  it('filters by person, contact, number (exact and masked), action and time, newest first with paging', async () => {
    const bob = { id: 'u-bob', name: 'Bob Builder', role: 'viewer', groups: [] };
    for (let i = 0; i < 7; i++) {
      tick(60 * 60 * 1000);
      await recorder.record({
        ...sampleRecord('lookup', i),
        actor: i % 2 ? bob : sampleRecord('lookup').actor,
        phone: `+1415555010${i}`,
      });
    }
    await recorder.record({ ...sampleRecord('contact.open'), contactId: 'other-contact', phone: null });
    const count = async (filter: Parameters<typeof trail.store.query>[0]) =>
      (await trail.store.query(filter, { pageSize: 100 })).total;
    expect(await count({ actor: 'u-bob' })).toBe(3);
    expect(await trail.store.people('builder', 10)).toEqual([
      { id: 'u-bob', name: 'Bob Builder', kind: 'person', role: 'viewer' },
    ]);
    expect(await count({ contactId: 'other-contact' })).toBe(1);
    expect(await count({ number: { hash: phoneHash('+14155550103', PHONE_KEY) } })).toBe(1);
    expect(await count({ number: { lastTwo: '05' } })).toBe(1);
    expect(await count({ actions: ['contact.open', 'lookup'] })).toBe(8);
    expect(await count({ actor: 'u-bob', actions: ['lookup'], number: { lastTwo: '03' } })).toBe(1);
    expect(await count({ from: '2025-03-04T12:00:00.000Z', to: '2025-03-04T14:00:00.000Z' })).toBe(2);
    const page1 = await trail.store.query({ actions: ['lookup'] }, { pageSize: 3 });
    expect(page1).toMatchObject({ total: 7, totalExact: true, newer: null, older: { seq: 5 } });
    const page2 = await trail.store.query(
      { actions: ['lookup'] },
      { pageSize: 3, before: page1.older ?? undefined },
    );
    expect(page2.entries.map((e) => e.seq)).toEqual([4, 3, 2]);
    expect(page2).toMatchObject({ newer: { seq: 4 }, older: { seq: 2 } });
    expect((await collect(trail.store.iterate({ actor: 'u-bob' }))).map((e) => e.seq)).toEqual([2, 4, 6]);
  });

  it('refuses to update or delete entries through the database (append-only guard)', async () => {
    await recorder.record(sampleRecord('contact.open'));
    await expect(trail.sql(`UPDATE audit_entries SET actor_id = 'x'`)).rejects.toThrow(/append-only/);
    await expect(trail.sql('DELETE FROM audit_entries')).rejects.toThrow(/append-only|retention/);
  });

  it('retention deletes old entries, seals and anchors a checkpoint, and the trail still verifies', async () => {
    // Entries 20 days apart from Jan 5; the cutoffs fall on month starts, where SQLite (row by row) and
    // PostgreSQL (whole months) delete the same entries.
    clock = new Date('2025-01-05T10:00:00.000Z');
    for (let i = 0; i < 6; i++) {
      await recorder.record(sampleRecord('contact.open', i));
      tick(20 * DAY);
    }
    await anchorer.tick(); // anchors #6
    const checkpoint = await applyRetention(trail.store, anchorer, 61, new Date('2025-05-01T00:00:00.000Z'));
    expect(checkpoint).toMatchObject({ seq: 3 }); // Jan 5, Jan 25, Feb 14: before Mar 1
    expect((await collect(chainOf(trail.store))).map((e) => e.seq)).toEqual([4, 5, 6]);
    expect(readAnchors(anchorFile).map((l) => ('anchor' in l ? l.anchor.kind : l.problem))).toEqual([
      'head',
      'checkpoint',
    ]);
    await recorder.record(sampleRecord('contact.open')); // May 5
    expect(await verify()).toMatchObject({ ok: true, entries: 4, start: { seq: 3 }, head: { seq: 7 } });
    expect(await trail.store.people('alice', 5)).toHaveLength(1);

    await applyRetention(trail.store, anchorer, 61, new Date('2025-08-01T00:00:00.000Z')); // all before Jun 1
    expect(await trail.store.head()).toMatchObject({ seq: 7 });
    expect(await trail.store.people('alice', 5)).toEqual([]);
    clock = new Date('2025-08-01T00:00:00.000Z');
    expect((await recorder.record(sampleRecord('contact.open'))).seq).toBe(8);
    expect(await verify()).toMatchObject({
      ok: true,
      entries: 1,
      start: { seq: 7 },
      anchorsBeforeCheckpoint: 2,
    });
  });

  it('keeps one valid chain when two replicas write at once', async () => {
    const other = new AuditRecorder({ store: await trail.replica(), phoneKey: PHONE_KEY, now: () => clock });
    const writes = Array.from({ length: 60 }, (_, i) =>
      (i % 2 ? other : recorder).record({ ...sampleRecord('contact.open', i), requestId: `r${i}` }),
    );
    const written = await Promise.all(writes);
    expect(new Set(written.map((e) => e.seq)).size).toBe(60);
    const stored = await collect(trail.store.iterate());
    expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(new Set(stored.map((e) => e.request_id)).size).toBe(60);
    await anchorer.tick();
    expect(await verify()).toMatchObject({ ok: true, entries: 60, anchorsChecked: 1 });
  });

  it('closes twice, at once or after, without hanging or throwing (a failing shutdown may close a store again)', async () => {
    await expect(Promise.all([trail.store.close(), trail.store.close()])).resolves.toEqual([
      undefined,
      undefined,
    ]);
    await expect(trail.store.close()).resolves.toBeUndefined();
  });
});
