// The same behaviour from both job stores: SQLite and a real PostgreSQL 15 (started here; a failure to start
// fails the tests). Jobs and rows, counts kept per state, status rules, leases between two replicas.
import { describe, expect, it } from 'vitest';
import {
  ALICE,
  newJob,
  PROFILE,
  pendingRows,
  STORE_BACKENDS,
  storePerTest,
} from '../testing/import-stores.ts';
import type { NewRow } from './store.ts';

const T0 = 1_700_000_000_000;
const LEASE = 15_000;
const OTHER_PROFILE = '7a3d2c10-0000-4000-8000-000000000011';

const setAside: NewRow[] = [
  {
    item: 10,
    row: 10,
    column: null,
    input: 'hello',
    phone: null,
    problem: 'invalid',
    state: 'invalid',
    reason: 'not a valid number for GB',
  },
  {
    item: 11,
    row: 11,
    column: null,
    input: '07700 900001',
    phone: '+447700900001',
    problem: 'duplicate',
    state: 'duplicate',
    reason: 'duplicate of row 2',
  },
  {
    item: 12,
    row: 12,
    column: null,
    input: '+44 7700 900999',
    phone: '+447700900999',
    problem: 'exists',
    state: 'existed',
    reason: 'already a contact',
  },
];

describe.each(STORE_BACKENDS.map((make) => make()))('$name import store', (backend) => {
  const db = storePerTest(backend);

  it('stores a job with its rows and counts each state', async () => {
    const job = await db.store().create(newJob('job-1', T0), [...pendingRows(3), ...setAside]);
    expect(job).toMatchObject({
      id: 'job-1',
      profileId: PROFILE,
      status: 'running',
      actor: ALICE,
      createdBy: 'Alice Admin',
      createdAt: T0,
      workSince: T0,
      finishedAt: null,
      leaseOwner: null,
    });
    expect(job.counts).toEqual({
      pending: 3,
      created: 0,
      existed: 1,
      invalid: 1,
      duplicate: 1,
      failed: 0,
      removed: 0,
      total: 6,
    });
    expect(await db.store().get('job-1')).toEqual(job);
    expect(await db.store().get('nope')).toBeNull();
    const failed = await db.store().rows('job-1', ['invalid', 'duplicate', 'failed'], 0, 100);
    expect(failed.map((r) => [r.row, r.input, r.reason])).toEqual([
      [10, 'hello', 'not a valid number for GB'],
      [11, '07700 900001', 'duplicate of row 2'],
    ]);
  });

  it('holds 100,000 rows per job, counted without reading them', async () => {
    const job = await db.store().create(newJob('big', T0), pendingRows(100_000));
    expect(job.counts.pending).toBe(100_000);
    const due = await db.store().dueRows('big', 'pending', 99_000, T0, 5);
    expect(due.map((r) => r.row)).toEqual([99_001, 99_002, 99_003, 99_004, 99_005]);
    await db.store().saveRow('big', 50_000, {
      state: 'created',
      reason: null,
      contactId: 'c-1',
      attempts: 1,
      dueAt: null,
      doneAt: T0,
    });
    expect((await db.store().get('big'))?.counts).toMatchObject({
      pending: 99_999,
      created: 1,
      total: 100_000,
    });
  });

  it('keeps counts and progress as rows are answered, and queues retries by due time', async () => {
    await db.store().create(newJob('job-1', T0), pendingRows(4));
    const done = (at: number) => ({ reason: null, contactId: null, attempts: 1, dueAt: null, doneAt: at });
    await db.store().saveRow('job-1', 2, { ...done(T0 + 1_000), state: 'created', contactId: 'c-2' });
    await db.store().saveRow('job-1', 3, { ...done(T0 + 2_000), state: 'existed' });
    // A transient failure: still pending, due again in 4 s.
    await db.store().saveRow('job-1', 4, {
      ...done(T0),
      state: 'pending',
      reason: 'INTERNAL_001',
      dueAt: T0 + 4_000,
      doneAt: null,
    });
    expect((await db.store().get('job-1'))?.counts).toMatchObject({ pending: 2, created: 1, existed: 1 });
    expect((await db.store().dueRows('job-1', 'pending', 0, T0, 10)).map((r) => r.row)).toEqual([5]);
    expect((await db.store().dueRows('job-1', 'pending', 0, T0 + 4_000, 10)).map((r) => r.row)).toEqual([
      4, 5,
    ]);
    expect((await db.store().dueRows('job-1', 'pending', 4, T0 + 4_000, 10)).map((r) => r.row)).toEqual([5]);
    expect(await db.store().nextDue('job-1', 'pending')).toBe(0);
    await db
      .store()
      .saveRow('job-1', 5, { ...done(T0 + 3_000), state: 'failed', reason: 'VALIDATION_002: bad' });
    expect(await db.store().nextDue('job-1', 'pending')).toBe(T0 + 4_000);
    expect(await db.store().progress('job-1', T0 + 1_500)).toEqual({ recent: 2, lastDoneAt: T0 + 3_000 });
    const [created] = await db.store().rows('job-1', ['created'], 0, 10);
    expect(created).toEqual({
      item: 2,
      row: 2,
      column: null,
      input: '+447400000001',
      phone: '+447400000001',
      problem: null,
      state: 'created',
      reason: null,
      contactId: 'c-2',
      attempts: 1,
    });
  });

  it('moves a job only from the statuses given; undo queues its created rows again', async () => {
    await db.store().create(newJob('job-1', T0), pendingRows(3));
    expect(await db.store().transition('job-1', ['paused'], 'running', T0 + 1)).toBeNull();
    expect(await db.store().transition('job-1', ['running'], 'paused', T0 + 2)).toMatchObject({
      status: 'paused',
      updatedAt: T0 + 2,
    });
    expect(await db.store().transition('job-1', ['paused'], 'running', T0 + 3)).toMatchObject({
      workSince: T0 + 3,
    });
    await db.store().saveRow('job-1', 2, {
      state: 'created',
      reason: null,
      contactId: 'c',
      attempts: 2,
      dueAt: null,
      doneAt: T0,
    });
    expect(await db.store().dueRows('job-1', 'created', 0, T0 + 4, 10)).toEqual([]);
    const cancelled = await db.store().transition('job-1', ['running', 'paused'], 'cancelled', T0 + 4);
    expect(cancelled).toMatchObject({ status: 'cancelled', finishedAt: T0 + 4 });
    const undoing = await db.store().transition('job-1', ['cancelled', 'done', 'paused'], 'undoing', T0 + 5);
    expect(undoing).toMatchObject({ status: 'undoing', finishedAt: null, workSince: T0 + 5 });
    expect(await db.store().dueRows('job-1', 'created', 0, T0 + 5, 10)).toMatchObject([
      { row: 2, attempts: 0 },
    ]);
    expect(await db.store().status('job-1')).toBe('undoing');
    expect(await db.store().status('nope')).toBeNull();
  });

  it('lists newest first, within the profiles asked for', async () => {
    await db.store().create(newJob('a', T0), pendingRows(1));
    await db.store().create(newJob('b', T0 + 1, { profileId: OTHER_PROFILE }), pendingRows(1));
    await db.store().create(newJob('c', T0 + 2, { profileId: null }), pendingRows(1));
    const ids = async (profileIds: string[] | null, ownScope: boolean, limit = 50) =>
      (await db.store().list({ profileIds, ownScope, limit })).map((j) => j.id);
    expect(await ids(null, true)).toEqual(['c', 'b', 'a']);
    expect(await ids(null, true, 2)).toEqual(['c', 'b']);
    expect(await ids(null, false)).toEqual(['b', 'a']);
    expect(await ids([PROFILE], false)).toEqual(['a']);
    expect(await ids([PROFILE], true)).toEqual(['c', 'a']);
    expect(await ids([], false)).toEqual([]);
    expect((await db.store().list({ profileIds: null, ownScope: true, limit: 1 }))[0]?.counts.total).toBe(1);
  });

  it('gives a job to one of two replicas claiming at once, and to another once the lease expires', async () => {
    await db.store().create(newJob('job-1', T0), pendingRows(1));
    const replica = await db.replica();
    const [a, b] = await Promise.all([db.store().claim('A', T0, LEASE), replica.claim('B', T0, LEASE)]);
    expect([a?.id, b?.id].filter(Boolean)).toEqual(['job-1']);
    const [winner, loser] = a ? ['A', replica] : ['B', db.store()];
    expect(await loser.claim('C', T0 + LEASE - 1, LEASE)).toBeNull();
    // Renewed: still held past the first lease's end.
    expect(await db.store().renew('job-1', winner, T0 + 10_000, LEASE)).toBe('running');
    expect(await loser.claim('C', T0 + LEASE + 1, LEASE)).toBeNull();
    // Not renewed: taken over, and the old holder learns it lost the lease.
    const taken = await loser.claim('C', T0 + 10_000 + LEASE, LEASE);
    expect(taken).toMatchObject({ id: 'job-1', leaseOwner: 'C', leaseUntil: T0 + 10_000 + 2 * LEASE });
    expect(await db.store().renew('job-1', winner, T0 + 30_000, LEASE)).toBeNull();
    // Released: free at once.
    await db.store().release('job-1', winner); // not the holder: no effect
    expect(await replica.claim('D', T0 + 30_000, LEASE)).toBeNull();
    await db.store().release('job-1', 'C');
    expect(await replica.claim('D', T0 + 30_000, LEASE)).toMatchObject({ leaseOwner: 'D' });
  });

  it('claims only running or undoing jobs, oldest first', async () => {
    await db.store().create(newJob('old', T0), pendingRows(1));
    await db.store().create(newJob('new', T0 + 1), pendingRows(1));
    await db.store().transition('old', ['running'], 'paused', T0 + 2);
    expect((await db.store().claim('A', T0 + 3, LEASE))?.id).toBe('new');
    expect(await db.store().claim('B', T0 + 3, LEASE)).toBeNull();
    await db.store().transition('old', ['paused'], 'running', T0 + 4);
    expect((await db.store().claim('B', T0 + 5, LEASE))?.id).toBe('old');
  });
});
