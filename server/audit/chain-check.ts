// Checking the chain a range at a time. Each entry's hash is computable on its own from its stored prev_hash,
// so ranges can be checked anywhere (worker threads) and joined afterwards: within a range every entry is
// checked against the one before it; where two ranges meet, `joinRanges` checks the first entry of the later
// one against the last of the earlier, in chain order, so the first problem named is the one a single pass
// from the start would name.
import { createHash } from 'node:crypto';
import { contentOf, type EntryContent, entryHash, type StoredEntry } from './entry.ts';
import type { ChainHead, ChainRow } from './store.ts';

const json = JSON.stringify;

/**
 * canonicalJson(content) built from a stored row without parsing its JSON columns (keys in sorted order, as
 * canonicalJson sorts them; chain-check.test.ts holds the two equal): right whenever those columns were
 * stored in canonical form (as they are now); when not (older SQLite rows), the hash will not match and the
 * slow path parses them. A match is proof either way: the bytes hashed are the bytes stored.
 */
export function canonicalRowText(r: Omit<ChainRow, 'seq' | 'prev_hash' | 'hash'>): string {
  return `{"action":${json(r.action)},"actor_groups":${r.actor_groups},"actor_id":${json(r.actor_id)},"actor_kind":${json(r.actor_kind)},"actor_name":${json(r.actor_name)},"actor_role":${json(r.actor_role)},"at":${json(r.at)},"client_address":${json(r.client_address)},"contact_id":${json(r.contact_id)},"details":${r.details},"outcome":${json(r.outcome)},"phone_hash":${json(r.phone_hash)},"phone_masked":${json(r.phone_masked)},"profile_id":${json(r.profile_id)},"request_id":${json(r.request_id)},"user_agent":${json(r.user_agent)}}`;
}

/** A stored row (or an entry in memory) as the content it was hashed from; null when its JSON does not parse. */
function parsedContent(row: ChainRow | StoredEntry): EntryContent | null {
  if (typeof row.details !== 'string') return contentOf(row as StoredEntry);
  try {
    const groups = JSON.parse(row.actor_groups as string);
    const details = JSON.parse(row.details);
    return contentOf({ ...(row as unknown as StoredEntry), actor_groups: groups, details });
  } catch {
    return null;
  }
}

/** A row as far as the chain goes: its place, its link and its own hash. */
export interface Linked {
  seq: number;
  prev_hash: string;
  hash: string;
}

/** Does `text` (canonical content) hash to the row's hash, after its own prev_hash? */
export const textHolds = (row: Linked, text: string): boolean =>
  createHash('sha256').update(`${row.prev_hash}\n${row.seq}\n${text}`).digest('hex') === row.hash;

/** Does the row's content match its own hash (given its own prev_hash)? */
export function rowHolds(row: ChainRow | StoredEntry): boolean {
  if (typeof row.details === 'string' && textHolds(row, canonicalRowText(row as ChainRow))) return true;
  const content = parsedContent(row);
  return content !== null && entryHash(row.prev_hash, row.seq, content) === row.hash;
}

export interface ChainProblem {
  message: string;
  firstBadSeq: number;
}

/** What one range of the chain holds, checked on its own (its first entry's place is checked by joinRanges). */
export interface RangeResult {
  first: { seq: number; prev_hash: string } | null;
  last: ChainHead | null;
  count: number;
  problem: ChainProblem | null;
  /** Hashes of the anchored entries found in the range. */
  anchored: [number, string][];
}

/** A run of consecutive rows that all hold and follow each other, checked as one. */
export interface Span {
  first: { seq: number; prev_hash: string };
  last: ChainHead;
  count: number;
  /** Hashes of the anchored entries in it. */
  anchored: [number, string][];
}

const missing = (expected: number, next: number): ChainProblem => ({
  message: `Entry #${expected} is missing (the next stored entry is #${next}).`,
  firstBadSeq: expected,
});

/**
 * Checks rows of one range in seq order, each with the verdict on its own content (`holds`: rowHolds, or the
 * chain source's hash of the text the database built); `push` returns false once a problem was found.
 */
export class RangeChecker {
  private result: RangeResult = { first: null, last: null, count: 0, problem: null, anchored: [] };

  constructor(private readonly anchoredSeqs: ReadonlySet<number>) {}

  push(row: Linked, holds: boolean): boolean {
    if (!this.follows(row)) return false;
    if (!holds) {
      return this.fail({
        message: `Entry #${row.seq} was changed: its content does not match its hash.`,
        firstBadSeq: row.seq,
      });
    }
    const r = this.result;
    if (this.anchoredSeqs.has(row.seq)) r.anchored.push([row.seq, row.hash]);
    r.last = { seq: row.seq, hash: row.hash };
    r.count += 1;
    return true;
  }

  /** Rows checked elsewhere (the database), every one holding and following the one before it. */
  pushSpan(span: Span): boolean {
    if (!this.follows(span.first)) return false;
    const r = this.result;
    r.anchored.push(...span.anchored);
    r.last = span.last;
    r.count += span.count;
    return true;
  }

  /** The row's place and link after the last one pushed (the range's first is checked by joinRanges). */
  private follows(row: Omit<Linked, 'hash'>): boolean {
    const r = this.result;
    if (!r.last) {
      r.first = { seq: row.seq, prev_hash: row.prev_hash };
      return true;
    }
    const expected = r.last.seq + 1;
    if (row.seq !== expected) return this.fail(missing(expected, row.seq));
    if (row.prev_hash !== r.last.hash) {
      return this.fail({
        message: `Entry #${row.seq} does not follow entry #${r.last.seq}: it was moved, or entry #${r.last.seq} was rewritten.`,
        firstBadSeq: row.seq,
      });
    }
    return true;
  }

  private fail(problem: ChainProblem): false {
    this.result.problem = problem;
    return false;
  }

  done(): RangeResult {
    return this.result;
  }
}

export interface JoinedChain {
  problem: ChainProblem | null;
  count: number;
  /** The newest entry, or the start when there is none. */
  head: ChainHead;
  anchored: Map<number, string>;
}

/**
 * Joins ranges (in chain order) after the chain's start (its checkpoint, or the anchor an incremental run
 * starts from): where each begins must follow where the last ended.
 */
export function joinRanges(
  start: ChainHead,
  ranges: readonly RangeResult[],
  startLabel = 'the start of the chain',
): JoinedChain {
  let head = start;
  let count = 0;
  const anchored = new Map<number, string>();
  const stop = (problem: ChainProblem) => ({ problem, count, head, anchored });
  for (const range of ranges) {
    if (range.first) {
      const expected = head.seq + 1;
      if (range.first.seq !== expected) return stop(missing(expected, range.first.seq));
      if (range.first.prev_hash !== head.hash) {
        const what = head === start ? startLabel : `entry #${head.seq}`;
        return stop({
          message: `Entry #${range.first.seq} does not follow ${what}: it was moved, or ${what} was rewritten.`,
          firstBadSeq: range.first.seq,
        });
      }
    }
    for (const [seq, hash] of range.anchored) anchored.set(seq, hash);
    if (range.problem) return stop(range.problem);
    count += range.count;
    if (range.last) head = range.last;
  }
  return { problem: null, count, head, anchored };
}
