// verifyTrail and anchors, pure: chains built in memory, anchors signed with a test key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PHONE_KEY, sampleRecord, tempDir, testSigningKey } from '../testing/audit-stores.ts';
import { Anchorer, type AnchorLine, anchorSignedBy, readAnchors, signAnchor } from './anchor.ts';
import { chainEntry, GENESIS_HASH, type StoredEntry } from './entry.ts';
import { AuditRecorder } from './recorder.ts';
import type { AuditStore, Checkpoint } from './store.ts';
import { verifyTrail } from './verify.ts';

const key = testSigningKey();
const at = '2025-03-04T10:00:00.000Z';
const content = new AuditRecorder({ store: {} as AuditStore, phoneKey: PHONE_KEY }).content(
  sampleRecord('contact.open'),
);

function chain(count: number, start = { seq: 0, hash: GENESIS_HASH }): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let prev = start;
  for (let i = 0; i < count; i++) {
    const entry = chainEntry(prev.hash, prev.seq + 1, { ...content, request_id: `r${i}` });
    entries.push(entry);
    prev = entry;
  }
  return entries;
}

async function* each<T>(items: T[]) {
  yield* items;
}

const anchorAt = (entry: StoredEntry, kind: 'head' | 'checkpoint' = 'head', signer = key) =>
  signAnchor(kind, entry, at, signer);
const run = (entries: StoredEntry[], anchors: AnchorLine[] = [], checkpoint: Checkpoint | null = null) =>
  verifyTrail({ entries: each(entries), checkpoint, anchors, keys: [key] });
const numbered = (...anchors: ReturnType<typeof anchorAt>[]): AnchorLine[] =>
  anchors.map((anchor, i) => ({ line: i + 1, anchor }));

describe('verifyTrail', () => {
  it('accepts an empty trail and a whole anchored chain', async () => {
    expect(await run([])).toMatchObject({ ok: true, entries: 0, head: null });
    const entries = chain(4);
    expect(
      await run(entries, numbered(anchorAt(entries[1] as StoredEntry), anchorAt(entries[3] as StoredEntry))),
    ).toMatchObject({
      ok: true,
      entries: 4,
      head: { seq: 4 },
      anchorsChecked: 2,
    });
  });

  it('names the first entry when the chain does not start at #1', async () => {
    expect(await run(chain(4).slice(1))).toMatchObject({
      ok: false,
      firstBadSeq: 1,
      message: 'Entry #1 is missing (the next stored entry is #2).',
    });
  });

  it('names the anchor file line that is not an anchor or not signed by the key', async () => {
    const entries = chain(2);
    const good = anchorAt(entries[1] as StoredEntry);
    const bad: AnchorLine[] = [
      { line: 1, anchor: good },
      { line: 2, problem: 'is not JSON' },
    ];
    expect(await run(entries, bad)).toMatchObject({
      ok: false,
      anchorLine: 2,
      message: 'Anchor file line 2 is not JSON.',
    });
    const stranger = anchorAt(entries[1] as StoredEntry, 'head', testSigningKey());
    expect(await run(entries, numbered(stranger))).toMatchObject({
      ok: false,
      anchorLine: 1,
      message: expect.stringMatching(/signature is not valid/),
    });
  });

  it('starts after a sealed checkpoint; older anchors are counted, a forged or different start fails', async () => {
    const all = chain(6);
    const last = all[2] as StoredEntry;
    const seal = signAnchor('checkpoint', last, at, key);
    const checkpoint: Checkpoint = {
      seq: 3,
      hash: last.hash,
      at: last.at,
      pruned_at: at,
      key: seal.key,
      sig: seal.sig,
    };
    const anchors = numbered(anchorAt(all[1] as StoredEntry), seal, anchorAt(all[5] as StoredEntry));
    expect(await run(all.slice(3), anchors, checkpoint)).toMatchObject({
      ok: true,
      entries: 3,
      start: { seq: 3 },
      anchorsChecked: 2,
      anchorsBeforeCheckpoint: 1,
    });
    expect(
      await run(all.slice(3), anchors, {
        ...checkpoint,
        sig: seal.sig.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
      }),
    ).toMatchObject({ ok: false, firstBadSeq: 3 });
    const moved = chain(3, { seq: 3, hash: 'f'.repeat(64) });
    expect(await run(moved, [], checkpoint)).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      message: expect.stringMatching(/does not follow the start of the chain/),
    });
  });
});

describe('Anchorer', () => {
  const temp = tempDir();
  afterAll(() => temp.remove());

  it('signs the head at its clock, only when the head moved, one JSON line each', async () => {
    let head: { seq: number; hash: string } | null = null;
    let now = new Date(at);
    const file = join(temp.dir, 'anchors.jsonl');
    const anchorer = new Anchorer({ store: { head: async () => head }, key, file, now: () => now });
    expect(await anchorer.tick()).toBeNull(); // empty trail
    head = { seq: 1, hash: 'a'.repeat(64) };
    const first = await anchorer.tick();
    expect(first).toMatchObject({ v: 1, kind: 'head', seq: 1, at, key: key.keyId });
    now = new Date('2025-03-04T10:01:00.000Z');
    expect(await anchorer.tick()).toBeNull(); // nothing new
    head = { seq: 2, hash: 'b'.repeat(64) };
    expect(await anchorer.tick()).toMatchObject({ seq: 2, at: now.toISOString() });
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    const read = readAnchors(file);
    expect(read.map((l) => l.line)).toEqual([1, 2]);
    expect(read.every((l) => 'anchor' in l && anchorSignedBy(l.anchor, [key]))).toBe(true);
    expect(anchorSignedBy({ ...(first as NonNullable<typeof first>), seq: 9 }, [key])).toBe(false);
  });
});
