// PostgreSQL retention by month (a real PostgreSQL 15): a month's partition goes once all of it is older
// than the retention, a month only partly older stays whole, and what goes is always the chain's prefix,
// even when an entry was stored out of time order; audit_append creates a month it has no partition for.
import { join } from 'node:path';
import pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { chainOf, chainOfSamples } from '../testing/audit-chains.ts';
import {
  collect,
  type OpenedTrail,
  PHONE_KEY,
  postgresBackend,
  sampleRecord,
  testSigningKey,
  useTrail,
} from '../testing/audit-stores.ts';
import { Anchorer } from './anchor.ts';
import { chainEntry, GENESIS_HASH, type StoredEntry } from './entry.ts';
import { AuditRecorder } from './recorder.ts';
import { applyRetention } from './service.ts';
import { verifyTrail } from './verify.ts';

const key = testSigningKey();
const DAY = 24 * 60 * 60 * 1000;

/** Entries at these times, chained in this order. */
function chainAt(times: string[]): StoredEntry[] {
  const [sample] = chainOfSamples(1);
  let prev = { seq: 0, hash: GENESIS_HASH };
  return times.map((at) => {
    const { seq: _s, prev_hash: _p, hash: _h, ...content } = sample as StoredEntry;
    const entry = chainEntry(prev.hash, prev.seq + 1, { ...content, at });
    prev = entry;
    return entry;
  });
}

describe('PostgreSQL retention by month', () => {
  const suite = useTrail(postgresBackend());
  let trail: OpenedTrail;
  let anchorer: Anchorer;
  const partitions = async () => {
    const client = new pg.Client({ connectionString: trail.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_entries'::regclass",
      );
      return rows.map((row) => row.name as string);
    } finally {
      await client.end();
    }
  };
  const verify = async () =>
    verifyTrail({
      entries: chainOf(trail.store),
      checkpoint: await trail.store.checkpoint(),
      anchors: [],
      keys: [key],
    });

  beforeEach(() => {
    trail = suite.trail();
    anchorer = new Anchorer({ store: trail.store, key, file: join(suite.dir, `a-${Math.random()}.jsonl`) });
  });

  it('drops whole months only; a month partly older than the retention stays', async () => {
    await trail.bulk(
      chainAt([
        '2025-01-10T00:00:00.000Z',
        '2025-01-20T00:00:00.000Z',
        '2025-02-05T00:00:00.000Z',
        '2025-02-25T00:00:00.000Z',
      ]),
    );
    // Cutoff Feb 15: January goes; February stays whole, its Feb 5 entry too.
    const checkpoint = await applyRetention(
      trail.store,
      anchorer,
      10,
      new Date(Date.parse('2025-02-15T00:00:00.000Z') + 10 * DAY),
    );
    expect(checkpoint).toMatchObject({ seq: 2 });
    expect((await collect(chainOf(trail.store))).map((e) => e.seq)).toEqual([3, 4]);
    expect(await partitions()).not.toContain('audit_entries_2025_01');
    expect(await partitions()).toContain('audit_entries_2025_02');
    expect(await verify()).toMatchObject({ ok: true, entries: 2, start: { seq: 2 } });
  });

  it('deletes the chain’s prefix: an entry stored late in a dropped month takes the ones before it along', async () => {
    // #3 and #4 are in February, #5 was stamped in January (its clock lagged): dropping January ends at #5.
    await trail.bulk(
      chainAt([
        '2025-01-10T00:00:00.000Z',
        '2025-01-31T23:59:59.990Z',
        '2025-02-01T00:00:00.001Z',
        '2025-02-01T00:00:00.002Z',
        '2025-01-31T23:59:59.999Z',
        '2025-02-02T00:00:00.000Z',
      ]),
    );
    const checkpoint = await applyRetention(trail.store, anchorer, 1, new Date('2025-02-10T00:00:00.000Z'));
    expect(checkpoint).toMatchObject({ seq: 5 });
    expect((await collect(chainOf(trail.store))).map((e) => e.seq)).toEqual([6]);
    expect(await verify()).toMatchObject({ ok: true, entries: 1, start: { seq: 5 } });
  });

  it('creates the partition of a month an entry comes for', async () => {
    const recorder = new AuditRecorder({
      store: trail.store,
      phoneKey: PHONE_KEY,
      now: () => new Date('2031-07-04T00:00:00.000Z'),
    });
    expect((await recorder.record(sampleRecord('lookup'))).seq).toBe(1);
    expect(await partitions()).toContain('audit_entries_2031_07');
  });
});
