// Hashing a stored row without parsing its JSON columns gives exactly the bytes entryHash covers (so the
// fast path is the one taken), a row written by the old code (JSON not in canonical order) still holds
// through the slow path, and a changed row does not. Spans the database vouched for join rows and each other
// only where they follow on.
import { describe, expect, it } from 'vitest';
import { EVERY_ACTION, PHONE_KEY, sampleRecord } from '../testing/audit-stores.ts';
import { canonicalRowText, RangeChecker, rowHolds } from './chain-check.ts';
import { canonicalJson, chainEntry, GENESIS_HASH, type StoredEntry } from './entry.ts';
import { AuditRecorder } from './recorder.ts';
import type { ChainRow } from './store.ts';

const recorder = new AuditRecorder({ store: {} as never, phoneKey: PHONE_KEY });
const stored = (entry: StoredEntry, json = canonicalJson): ChainRow => ({
  ...entry,
  actor_groups: json(entry.actor_groups),
  details: json(entry.details),
});

describe('hashing stored rows', () => {
  it.each(EVERY_ACTION)('%s: the stored text is the canonical content', (action) => {
    const content = recorder.content({ ...sampleRecord(action), userAgent: 'Émile "quoted" \\ agent\u0001' });
    expect(canonicalRowText(stored(chainEntry(GENESIS_HASH, 1, content)))).toBe(canonicalJson(content));
  });

  it('a row stored with its JSON in another key order holds; a changed one does not', () => {
    const entry = chainEntry(GENESIS_HASH, 7, recorder.content(sampleRecord('contact.edit')));
    const old = stored(entry, (value) => JSON.stringify(value)); // {"before":…,"after":…}
    expect(old.details).not.toBe(canonicalJson(entry.details));
    expect(rowHolds(old)).toBe(true);
    expect(rowHolds({ ...old, details: '{"before":{"opt_out":true},"after":{"opt_out":true}}' })).toBe(false);
    expect(rowHolds({ ...old, details: 'not json' })).toBe(false);
    expect(rowHolds({ ...stored(entry), outcome: 'denied' })).toBe(false);
    expect(rowHolds(entry)).toBe(true);
  });
});

describe('spans checked in the database', () => {
  const h = (n: number) => String(n).padStart(64, '0');
  const span = (from: number, to: number, prev = h(from - 1)) => ({
    first: { seq: from, prev_hash: prev },
    last: { seq: to, hash: h(to) },
    count: to - from + 1,
    anchored: [[to, h(to)]] as [number, string][],
  });

  it('join rows and each other where they follow on', () => {
    const checker = new RangeChecker(new Set([3]));
    expect(checker.push({ seq: 1, prev_hash: h(0), hash: h(1) }, true)).toBe(true);
    expect(checker.pushSpan(span(2, 5))).toBe(true);
    expect(checker.pushSpan(span(6, 9))).toBe(true);
    expect(checker.push({ seq: 10, prev_hash: h(9), hash: h(10) }, true)).toBe(true);
    expect(checker.done()).toEqual({
      first: { seq: 1, prev_hash: h(0) },
      last: { seq: 10, hash: h(10) },
      count: 10,
      problem: null,
      anchored: [
        [5, h(5)],
        [9, h(9)],
      ],
    });
  });

  it('name the first span that does not follow on: a gap, or another link', () => {
    const gap = new RangeChecker(new Set());
    gap.pushSpan(span(1, 4));
    expect(gap.pushSpan(span(6, 9))).toBe(false);
    expect(gap.done().problem).toEqual({
      message: 'Entry #5 is missing (the next stored entry is #6).',
      firstBadSeq: 5,
    });
    const moved = new RangeChecker(new Set());
    moved.pushSpan(span(1, 4));
    expect(moved.pushSpan(span(5, 9, h(3)))).toBe(false);
    expect(moved.done()).toMatchObject({
      count: 4,
      problem: { message: expect.stringMatching(/^Entry #5 does not follow entry #4/), firstBadSeq: 5 },
    });
  });
});
