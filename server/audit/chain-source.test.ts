// The canonical text each database writes for verification is byte for byte what entryHash covered, for
// text with quotes, backslashes, control characters, accents and emoji, and null fields; on SQLite and on a
// real PostgreSQL. The verdict on each row's hash (PostgreSQL's own sha256) holds for those rows and fails
// for a row changed in place, even where the changed text quoted without escaping would be the original
// bytes. PostgreSQL vouches for a whole span only when every row is there, holds and follows the one before.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  BACKENDS,
  type OpenedTrail,
  PHONE_KEY,
  postgresBackend,
  sampleRecord,
  useTrail,
} from '../testing/audit-stores.ts';
import { openChainSource } from './chain-source.ts';
import { canonicalJson, chainEntry, contentOf, GENESIS_HASH, type StoredEntry } from './entry.ts';
import { AuditRecorder } from './recorder.ts';

const recorder = new AuditRecorder({ store: {} as never, phoneKey: PHONE_KEY });
const TRICKY = [
  'plain',
  'quote " and \\ backslash',
  'tab\tnew\nline\rcr\bbs\fff',
  'ctl \u0001\u001f\u007f',
  'Émile 𝄞 ✓',
  '</script>',
];

function entries(): StoredEntry[] {
  let prev = { seq: 0, hash: GENESIS_HASH };
  return TRICKY.map((text, i) => {
    const content = recorder.content({
      ...sampleRecord(i % 2 ? 'contact.edit' : 'lookup', i),
      actor: { id: `u-${text}`, name: i === 3 ? null : text, role: null, groups: [text, 'b', 'a'] },
      userAgent: text,
      requestId: i === 4 ? null : text,
      details: { note: text, nested: { z: 1, a: [text, null] } },
      ...(i % 2 ? { details: { before: { name: text }, after: { name: 'x' } } } : {}),
    } as never);
    const entry = chainEntry(prev.hash, prev.seq + 1, content);
    prev = entry;
    return entry;
  });
}

const openSource = (trail: OpenedTrail) =>
  openChainSource(
    trail.env.AUDIT_DB
      ? { kind: 'sqlite', path: trail.env.AUDIT_DB }
      : { kind: 'postgres', url: trail.env.DATABASE_URL as string },
  );

describe.each(BACKENDS.map((make) => make()))('$name: canonical text from the database', (backend) => {
  const suite = useTrail(backend);
  let trail: OpenedTrail;
  beforeEach(() => {
    trail = suite.trail();
  });

  it('is exactly canonicalJson of the content, for every kind of text', async () => {
    const written = entries();
    await trail.bulk(written);
    const source = await openSource(trail);
    try {
      const texts = await source.texts(0, 100, 100);
      expect(texts.map((t) => t.text)).toEqual(written.map((e) => canonicalJson(contentOf(e))));
      expect(texts.map((t) => [t.seq, t.prev_hash, t.hash])).toEqual(
        written.map((e) => [e.seq, e.prev_hash, e.hash]),
      );
    } finally {
      await source.close();
    }
  });

  it('says which rows hash right: all as written, not one changed in place', async () => {
    await trail.bulk(entries());
    await trail.tamper("UPDATE audit_entries SET user_agent = 'changed' WHERE seq = 2");
    const source = await openSource(trail);
    try {
      const hashed = await source.hashed(0, 100, 100);
      expect(hashed.map((r) => [r.seq, r.holds])).toEqual([
        [1, true],
        [2, false],
        [3, true],
        [4, true],
        [5, true],
        [6, true],
      ]);
    } finally {
      await source.close();
    }
  });

  it('an escaped quote put where a quote was does not hold (quoted naively it would be the same bytes)', async () => {
    await trail.bulk(entries());
    // Entry #2's strings hold a quote and a backslash; #1's hold nothing JSON escapes.
    await trail.tamper(`UPDATE audit_entries SET user_agent = replace(user_agent, '"', '\\"') WHERE seq = 2;
      UPDATE audit_entries SET user_agent = 'plain"' WHERE seq = 1`);
    const source = await openSource(trail);
    try {
      const hashed = await source.hashed(0, 100, 100);
      expect(hashed.map((r) => r.holds)).toEqual([false, false, true, true, true, true]);
    } finally {
      await source.close();
    }
  });
});

describe('PostgreSQL: a span checked in the database', () => {
  const suite = useTrail(postgresBackend());
  let trail: OpenedTrail;
  let written: StoredEntry[];
  beforeEach(async () => {
    trail = suite.trail();
    written = entries();
    await trail.bulk(written);
  });

  const span = async (after: number, upTo: number, anchored: number[] = []) => {
    const source = await openSource(trail);
    try {
      return await (source.span as NonNullable<typeof source.span>)(after, upTo, anchored);
    } finally {
      await source.close();
    }
  };

  it('vouches for a whole span: first link, last hash, count and the anchored hashes', async () => {
    expect(await span(1, 5, [3, 5])).toEqual({
      first: { seq: 2, prev_hash: written[0]?.hash },
      last: { seq: 5, hash: written[4]?.hash },
      count: 4,
      anchored: [
        [3, written[2]?.hash],
        [5, written[4]?.hash],
      ],
    });
  });

  it.each([
    ['a changed row', `UPDATE audit_entries SET actor_id = 'someone-else' WHERE seq = 4`],
    [
      'a row set to NULL',
      'ALTER TABLE audit_entries ALTER COLUMN action DROP NOT NULL; UPDATE audit_entries SET action = NULL WHERE seq = 4',
    ],
    ['a missing row', 'DELETE FROM audit_entries WHERE seq = 4'],
    ['a missing first row', 'DELETE FROM audit_entries WHERE seq = 2'],
    ['a missing last row', 'DELETE FROM audit_entries WHERE seq = 6'],
    [
      'two rows swapped',
      `UPDATE audit_entries SET seq = -1 WHERE seq = 3; UPDATE audit_entries SET seq = 3 WHERE seq = 4;
       UPDATE audit_entries SET seq = 4 WHERE seq = -1`,
    ],
    ['a row twice', 'INSERT INTO audit_entries SELECT * FROM audit_entries WHERE seq = 4'],
    ['a broken link', `UPDATE audit_entries SET prev_hash = hash WHERE seq = 4`],
  ])('does not vouch for a span with %s', async (_, tamper) => {
    await trail.tamper(tamper);
    expect(await span(1, 6)).toBeNull();
  });
});
