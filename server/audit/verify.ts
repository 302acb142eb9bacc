// Verification, pure over what it is given (entries in chain order, the checkpoint, the anchor file's lines,
// the keys): the first problem found is the answer, naming the first bad entry or the anchor that disagrees.
// Order: the checkpoint's seal, then the chain from its start, then every anchor against the chain.
import { type Anchor, type AnchorLine, anchorSignedBy, checkpointAnchor } from './anchor.ts';
import { type JoinedChain, joinRanges, RangeChecker, rowHolds } from './chain-check.ts';
import { GENESIS_HASH, type StoredEntry } from './entry.ts';
import type { VerifyKey } from './keys.ts';
import type { ChainHead, ChainRow, Checkpoint } from './store.ts';

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

/** Entries in chain order, from the first after the start. */
export type ChainInput = AsyncIterable<StoredEntry | ChainRow>;

export interface VerifyInput {
  entries: ChainInput;
  checkpoint: Checkpoint | null;
  anchors: readonly AnchorLine[];
  keys: readonly VerifyKey[];
}

/** The checkpoint's seal: the database cannot have moved the chain's start forward. */
export function checkpointProblem(
  checkpoint: Checkpoint | null,
  keys: readonly VerifyKey[],
): VerifyFailure | null {
  if (!checkpoint || anchorSignedBy(checkpointAnchor(checkpoint), keys)) return null;
  return fail(
    `The checkpoint (chain start after retention, entry #${checkpoint.seq}) is not sealed by the anchor key: entries before #${checkpoint.seq + 1} may have been deleted outside retention.`,
    checkpoint.seq,
  );
}

/** The seqs of the anchors after the chain's start: their entries' hashes are collected on the way. */
export const anchoredSeqs = (anchors: readonly AnchorLine[], startSeq: number): Set<number> =>
  new Set(anchors.flatMap((l) => ('anchor' in l && l.anchor.seq > startSeq ? [l.anchor.seq] : [])));

/** One pass over the chain (verify-run.ts splits it over worker threads instead). */
export async function verifyTrail(input: VerifyInput): Promise<VerifyResult> {
  const { checkpoint, keys } = input;
  const sealProblem = checkpointProblem(checkpoint, keys);
  if (sealProblem) return sealProblem;
  const start = { seq: checkpoint?.seq ?? 0, hash: checkpoint?.hash ?? GENESIS_HASH };
  const checker = new RangeChecker(anchoredSeqs(input.anchors, start.seq));
  for await (const entry of input.entries) if (!checker.push(entry, rowHolds(entry))) break;
  return verifyAnchors(
    joinRanges(start, [checker.done()]),
    { start: checkpoint, checkpoint },
    input.anchors,
    keys,
  );
}

/** Where the checked chain starts: the checkpoint, or (incremental) the last verified anchor; null: genesis. */
export interface ChainStart {
  start: ChainHead | null;
  checkpoint: Checkpoint | null;
}

/** The joined chain's first problem, else every anchor (in file order) against it. */
export function verifyAnchors(
  chain: JoinedChain,
  { start, checkpoint }: ChainStart,
  anchors: readonly AnchorLine[],
  keys: readonly VerifyKey[],
  signatureChecked: (line: number) => boolean = () => false,
): VerifyResult {
  if (chain.problem) return fail(chain.problem.message, chain.problem.firstBadSeq);
  const startSeq = start?.seq ?? 0;
  const head = chain.count > 0 ? chain.head : start;
  let checked = 0;
  let before = 0;
  for (const line of anchors) {
    if ('problem' in line) return fail(`Anchor file line ${line.line} ${line.problem}.`, null, line.line);
    const a = line.anchor;
    const where = `Anchor file line ${line.line}, ${anchorLabel(a)}`;
    if (!signatureChecked(line.line) && !anchorSignedBy(a, keys))
      return fail(`${where}: its signature is not valid for the anchor key.`, null, line.line);
    if (a.seq < startSeq) {
      before += 1;
      continue;
    }
    const hash = a.seq === startSeq ? start?.hash : chain.anchored.get(a.seq);
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
  return {
    ok: true,
    entries: chain.count,
    start: checkpoint ? { seq: checkpoint.seq, hash: checkpoint.hash } : null,
    head,
    anchorsChecked: checked,
    anchorsBeforeCheckpoint: before,
  };
}
