// The canonical text each database writes for verification is byte for byte what entryHash covered, for
// text with quotes, backslashes, control characters, accents and emoji, and null fields; on SQLite and on a
// real PostgreSQL. The verdict on each row's hash (PostgreSQL's own sha256) holds for those rows and fails
// for a row changed in place.
import { beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, type OpenedTrail, PHONE_KEY, sampleRecord, useTrail } from '../testing/audit-stores.ts';
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
});
