// Verification split over worker threads (small ranges, so a 1,000-entry chain spans ten), or in this thread
// over two connections (PostgreSQL), gives exactly the answer of one pass from the start, whatever was tampered with and wherever it falls against the ranges,
// on SQLite and on a real PostgreSQL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chainOfSamples } from '../testing/audit-chains.ts';
import { BACKENDS, type OpenedTrail, testSigningKey, useTrail } from '../testing/audit-stores.ts';
import { type AnchorLine, signAnchor } from './anchor.ts';
import type { ChainSourceSpec } from './chain-source.ts';
import { VerifyPool } from './verify-pool.ts';
import { runVerification } from './verify-run.ts';

const key = testSigningKey();
const entries = chainOfSamples(1000);
const anchorOf = (seq: number) =>
  signAnchor('head', entries[seq - 1] as (typeof entries)[0], entries[seq - 1]?.at ?? '', key);
const ANCHORS: AnchorLine[] = [300, 800, 1000].map((seq, i) => ({ line: i + 1, anchor: anchorOf(seq) }));

const CASES: [string, string, RegExp][] = [
  ['nothing', '', /^$/],
  [
    'a row inside a range',
    `UPDATE audit_entries SET actor_id = 'x' WHERE seq = 550`,
    /^Entry #550 was changed/,
  ],
  [
    'the first row of a range',
    `UPDATE audit_entries SET details = '{}' WHERE seq = 501`,
    /^Entry #501 was changed/,
  ],
  [
    'a range’s first row deleted',
    'DELETE FROM audit_entries WHERE seq = 401',
    /^Entry #401 is missing \(the next stored entry is #402\)/,
  ],
  [
    'a range’s end deleted',
    'DELETE FROM audit_entries WHERE seq IN (299, 300)',
    /^Entry #299 is missing \(the next stored entry is #301\)/,
  ],
  [
    'a whole range deleted',
    'DELETE FROM audit_entries WHERE seq BETWEEN 601 AND 700',
    /^Entry #601 is missing \(the next stored entry is #701\)/,
  ],
  [
    'two rows swapped across ranges',
    `UPDATE audit_entries SET seq = -1 WHERE seq = 200; UPDATE audit_entries SET seq = 200 WHERE seq = 201;
     UPDATE audit_entries SET seq = 201 WHERE seq = -1`,
    /^Entry #200 does not follow entry #199/,
  ],
  [
    'the newest rows deleted',
    'DELETE FROM audit_entries WHERE seq > 950',
    /line 3, .*entries #951–#1000 are missing/,
  ],
];

describe.each(BACKENDS.map((make) => make()))('$name: verification over worker threads', (backend) => {
  const suite = useTrail(backend);
  let trail: OpenedTrail;
  let source: ChainSourceSpec;
  let pool: VerifyPool;
  beforeAll(async () => {
    pool = await VerifyPool.start(2, { keys: [key] });
  });
  afterAll(() => pool.close());
  const verify = async (workers: 0 | 2, anchors = ANCHORS, here = false) => {
    const { seconds: _seconds, ...result } = await runVerification(
      { store: trail.store, source, anchors, keys: [key] },
      here
        ? { workers, parallelFrom: Number.POSITIVE_INFINITY, splitFrom: 0 }
        : { workers, parallelFrom: 0, chunk: 100, pool },
    );
    return result;
  };

  beforeEach(async () => {
    trail = suite.trail();
    source = trail.env.AUDIT_DB
      ? { kind: 'sqlite', path: trail.env.AUDIT_DB }
      : { kind: 'postgres', url: trail.env.DATABASE_URL as string };
    await trail.bulk(entries);
  });

  it.each(CASES)('tampered: %s, the same answer as one pass', async (_what, sql, expected) => {
    if (sql) await trail.tamper(sql);
    const one = await verify(0);
    expect(await verify(2)).toEqual(one);
    expect(await verify(2, ANCHORS, true)).toEqual(one);
    if (sql) expect(one).toMatchObject({ ok: false, message: expect.stringMatching(expected) });
    else expect(one).toMatchObject({ ok: true, entries: 1000, anchorsChecked: 3, head: { seq: 1000 } });
  });

  it('names a forged anchor line, its signature checked in a worker', async () => {
    const forged = { ...(ANCHORS[1] as { line: number; anchor: ReturnType<typeof anchorOf> }) };
    const anchors = [
      ANCHORS[0],
      { line: 2, anchor: { ...forged.anchor, sig: anchorOf(300).sig } },
      ANCHORS[2],
    ];
    const one = await verify(0, anchors as AnchorLine[]);
    expect(one).toMatchObject({
      ok: false,
      anchorLine: 2,
      message: expect.stringMatching(/signature is not valid/),
    });
    expect(await verify(2, anchors as AnchorLine[])).toEqual(one);
  });
});
