// Verification, pure over what it is given (entries in chain order, the checkpoint, the anchor file's lines,
// the keys): the first problem found is the answer, naming the first bad entry or the anchor that disagrees.
// Order: the checkpoint's seal, then the chain from its start, then every anchor against the chain.
import { type Anchor, type AnchorLine, anchorSignedBy, checkpointAnchor } from './anchor.ts';
import { contentOf, entryHash, GENESIS_HASH, type StoredEntry } from './entry.ts';
import type { VerifyKey } from './keys.ts';
import type { ChainHead, Checkpoint } from './store.ts';

export interface VerifyInput {
  entries: AsyncIterable<StoredEntry>;
  checkpoint: Checkpoint | null;
  anchors: readonly AnchorLine[];
  keys: readonly VerifyKey[];
}

export interface VerifyOk {
  ok: true;
  entries: number;
  /** The chain's start (checkpoint) and newest entry. */
  start: ChainHead | null;
  head: ChainHead | null;
  anchorsChecked: number;
  /** Anchors older than the checkpoint: their entries were deleted by retention. */
  anchorsBeforeCheckpoint: number;
}

export interface VerifyFailure {
  ok: false;
  message: string;
  /** The first entry that is wrong or missing, when the problem is an entry. */
  firstBadSeq: number | null;
  /** The anchor file's line, when the problem is an anchor. */
  anchorLine: number | null;
}

export type VerifyResult = VerifyOk | VerifyFailure;

const fail = (
  message: string,
  firstBadSeq: number | null,
  anchorLine: number | null = null,
): VerifyFailure => ({
  ok: false,
  message,
  firstBadSeq,
  anchorLine,
});

const anchorLabel = (a: Anchor) => `${a.kind} anchor of ${a.at} (entry #${a.seq})`;

export async function verifyTrail(input: VerifyInput): Promise<VerifyResult> {
  const { checkpoint, keys } = input;
  if (checkpoint && !anchorSignedBy(checkpointAnchor(checkpoint), keys)) {
    return fail(
      `The checkpoint (chain start after retention, entry #${checkpoint.seq}) is not sealed by the anchor key: entries before #${checkpoint.seq + 1} may have been deleted outside retention.`,
      checkpoint.seq,
    );
  }
  const startSeq = checkpoint?.seq ?? 0;
  const anchored = new Map<number, string | undefined>();
  for (const line of input.anchors)
    if ('anchor' in line && line.anchor.seq > startSeq) anchored.set(line.anchor.seq, undefined);

  // The chain, oldest first.
  let prev = checkpoint?.hash ?? GENESIS_HASH;
  let expected = startSeq + 1;
  let count = 0;
  for await (const entry of input.entries) {
    if (entry.seq !== expected) {
      return fail(`Entry #${expected} is missing (the next stored entry is #${entry.seq}).`, expected);
    }
    if (entry.prev_hash !== prev) {
      const what = expected === startSeq + 1 ? 'the start of the chain' : `entry #${expected - 1}`;
      return fail(
        `Entry #${entry.seq} does not follow ${what}: it was moved, or ${what} was rewritten.`,
        entry.seq,
      );
    }
    if (entryHash(prev, entry.seq, contentOf(entry)) !== entry.hash) {
      return fail(`Entry #${entry.seq} was changed: its content does not match its hash.`, entry.seq);
    }
    if (anchored.has(entry.seq)) anchored.set(entry.seq, entry.hash);
    prev = entry.hash;
    expected += 1;
    count += 1;
  }
  const head = count > 0 ? { seq: expected - 1, hash: prev } : checkpoint;

  // The anchors, in file order.
  let checked = 0;
  let before = 0;
  for (const line of input.anchors) {
    if ('problem' in line) return fail(`Anchor file line ${line.line} ${line.problem}.`, null, line.line);
    const a = line.anchor;
    const where = `Anchor file line ${line.line}, ${anchorLabel(a)}`;
    if (!anchorSignedBy(a, keys))
      return fail(`${where}: its signature is not valid for the anchor key.`, null, line.line);
    if (a.seq < startSeq) {
      before += 1;
      continue;
    }
    const hash = a.seq === startSeq ? checkpoint?.hash : anchored.get(a.seq);
    if (hash === undefined) {
      // The chain held, so what is gone is its end: everything after the newest stored entry.
      const firstGone = (head?.seq ?? startSeq) + 1;
      const gone = firstGone === a.seq ? `entry #${a.seq} is` : `entries #${firstGone}–#${a.seq} are`;
      return fail(`${where}: ${gone} missing; the newest entries were deleted.`, firstGone, line.line);
    }
    if (hash !== a.hash) {
      return fail(
        `${where}: entry #${a.seq} differs from the anchored one; the chain was rewritten at or before it.`,
        a.seq,
        line.line,
      );
    }
    checked += 1;
  }
  const start = checkpoint ? { seq: checkpoint.seq, hash: checkpoint.hash } : null;
  return { ok: true, entries: count, start, head, anchorsChecked: checked, anchorsBeforeCheckpoint: before };
}
