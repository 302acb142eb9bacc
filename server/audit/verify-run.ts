// Verifying a stored trail at any size: the checkpoint's seal, then the chain from its start (or, for an
// incremental run, from the last verified anchor) split into seq ranges checked by worker threads with
// connections of their own, joined in order (chain-check.ts); anchor signatures are checked in the workers
// too, and every anchor is then matched against the chain in file order (verify.ts). A short chain is
// checked in this thread: starting workers costs more than it saves.
import { availableParallelism } from 'node:os';
import type { Anchor, AnchorLine } from './anchor.ts';
import { joinRanges, type RangeResult, rowHolds } from './chain-check.ts';
import { type ChainSourceSpec, checkRange, openChainSource } from './chain-source.ts';
import { GENESIS_HASH } from './entry.ts';
import type { VerifyKey } from './keys.ts';
import type { AuditStore, ChainHead } from './store.ts';
import { anchoredSeqs, checkpointProblem, type VerifyResult, verifyAnchors } from './verify.ts';
import { VerifyPool } from './verify-pool.ts';

export interface VerifyRunOptions {
  /** Worker threads for a long chain (default: one per core, at most 4); 0 checks in this thread. */
  workers?: number;
  /** Shorter chains are checked in this thread. */
  parallelFrom?: number;
  /** Entries per range handed to a worker. */
  chunk?: number;
  /** A PostgreSQL chain this long or longer, checked in this thread, is split over connections. */
  splitFrom?: number;
  /** Workers already started (with the same keys), kept running after: for a test running many checks. */
  pool?: VerifyPool;
}

/** An anchor a previous run verified: an incremental run starts after its entry. */
export interface VerifiedAnchor extends ChainHead {
  line: number;
}

export interface VerifyRunInput {
  store: Pick<AuditStore, 'checkpoint' | 'head' | 'chainRows'>;
  source: ChainSourceSpec;
  /** The anchor lines to check (an incremental run passes those after `since`'s line). */
  anchors: readonly AnchorLine[];
  keys: readonly VerifyKey[];
  since?: VerifiedAnchor | null;
}

export type VerifyRunResult = VerifyResult & {
  /** Where the chain was checked from (entry seq; 0: the first entry). */
  from: number;
  seconds: number;
};

const SIGNATURES_PER_TASK = 2000;

function sinceProblem(
  since: VerifiedAnchor,
  row: Awaited<ReturnType<AuditStore['chainRows']>>[0] | undefined,
) {
  const what = `the last verified anchor (anchor file line ${since.line})`;
  if (!row) return `Entry #${since.seq}, ${what}, is missing.`;
  if (row.hash !== since.hash) {
    return `Entry #${since.seq} differs from ${what}; the chain was rewritten at or before it.`;
  }
  return rowHolds(row) ? null : `Entry #${since.seq} was changed: its content does not match its hash.`;
}

export async function runVerification(
  input: VerifyRunInput,
  options: VerifyRunOptions = {},
): Promise<VerifyRunResult> {
  const started = performance.now();
  const done = (result: VerifyResult, from: number): VerifyRunResult => ({
    ...result,
    from,
    seconds: (performance.now() - started) / 1000,
  });
  const checkpoint = await input.store.checkpoint();
  const sealProblem = checkpointProblem(checkpoint, input.keys);
  if (sealProblem) return done(sealProblem, 0);
  const since = input.since && input.since.seq > (checkpoint?.seq ?? 0) ? input.since : null;
  if (since) {
    const [row] = await input.store.chainRows(since.seq - 1, since.seq, 1);
    const problem = sinceProblem(since, row);
    if (problem)
      return done({ ok: false, message: problem, firstBadSeq: since.seq, anchorLine: null }, since.seq);
  }
  const start: ChainHead = since ?? { seq: checkpoint?.seq ?? 0, hash: checkpoint?.hash ?? GENESIS_HASH };
  const upTo = Math.max((await input.store.head())?.seq ?? 0, start.seq);
  const anchored = anchoredSeqs(input.anchors, start.seq);
  const workers = options.workers ?? Math.min(availableParallelism(), 4);
  const parallel = workers > 0 && upTo - start.seq >= (options.parallelFrom ?? 200_000);
  let ranges: RangeResult[];
  let goodSignatures: Set<number> | null = null;
  if (parallel) {
    const pool = options.pool ?? (await VerifyPool.start(workers, { keys: [...input.keys] }));
    try {
      [ranges, goodSignatures] = await Promise.all([
        checkInRanges(pool, input.source, start.seq, upTo, anchored, options.chunk),
        checkSignatures(pool, input.anchors),
      ]);
    } finally {
      if (!options.pool) await pool.close();
    }
  } else {
    const connections = input.source.kind === 'postgres' ? Math.max(workers, 1) : 1;
    const parts = upTo - start.seq >= (options.splitFrom ?? 10_000) ? connections : 1;
    ranges = await checkHere(input.source, start.seq, upTo, anchored, parts);
  }
  const label = since ? `the last verified anchor (entry #${since.seq})` : undefined;
  const chainStart = { start: since ?? checkpoint, checkpoint };
  const result = verifyAnchors(
    joinRanges(start, ranges, label),
    chainStart,
    input.anchors,
    input.keys,
    (line) => (goodSignatures ? goodSignatures.has(line) : false),
  );
  return done(result, start.seq + 1);
}

/**
 * A shorter chain, in this thread. PostgreSQL checks spans itself, so the chain is split over a connection
 * per core and both are busy at once (a day's entries: 1.4 → 0.8 s); SQLite reads in this thread anyway.
 */
function checkHere(
  source: ChainSourceSpec,
  after: number,
  upTo: number,
  anchored: ReadonlySet<number>,
  parts: number,
): Promise<RangeResult[]> {
  const size = Math.ceil((upTo - after) / parts);
  const bounds = Array.from({ length: parts }, (_, i) => [
    after + i * size,
    Math.min(after + (i + 1) * size, upTo),
  ]);
  return Promise.all(
    bounds.map(async ([from, to]) => {
      const opened = await openChainSource(source);
      try {
        return await checkRange(opened, from as number, to as number, anchored);
      } finally {
        await opened.close();
      }
    }),
  );
}

function checkInRanges(
  pool: VerifyPool,
  source: ChainSourceSpec,
  after: number,
  upTo: number,
  anchored: ReadonlySet<number>,
  chunk?: number,
): Promise<RangeResult[]> {
  const size = chunk ?? Math.min(1_000_000, Math.max(50_000, Math.ceil((upTo - after) / 32)));
  const seqs = [...anchored].sort((a, b) => a - b);
  const tasks: Promise<RangeResult>[] = [];
  for (let from = after, i = 0; from < upTo; from += size) {
    const to = Math.min(from + size, upTo);
    const own: number[] = [];
    for (; i < seqs.length && (seqs[i] as number) <= to; i++)
      if ((seqs[i] as number) > from) own.push(seqs[i] as number);
    tasks.push(pool.run<RangeResult>({ kind: 'range', source, after: from, upTo: to, anchored: own }));
  }
  return Promise.all(tasks);
}

async function checkSignatures(pool: VerifyPool, anchors: readonly AnchorLine[]): Promise<Set<number>> {
  const signed = anchors.filter((l): l is { line: number; anchor: Anchor } => 'anchor' in l);
  const tasks: Promise<number[]>[] = [];
  for (let i = 0; i < signed.length; i += SIGNATURES_PER_TASK) {
    tasks.push(pool.run<number[]>({ kind: 'signatures', anchors: signed.slice(i, i + SIGNATURES_PER_TASK) }));
  }
  return new Set((await Promise.all(tasks)).flat());
}
