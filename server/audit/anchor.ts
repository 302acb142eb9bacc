// Anchors: the chain's newest {seq, hash} signed with a key the database does not hold, appended as JSON
// lines to a file beside the gateway (CloudTrail's digest files do the same). A chain alone cannot show that
// its newest entries were deleted; an anchor naming an entry that is gone, or a different hash, can.
import { sign, verify } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as v from 'valibot';
import { canonicalJson } from './entry.ts';
import type { SigningKey, VerifyKey } from './keys.ts';
import type { AuditStore, ChainHead, Checkpoint } from './store.ts';

const AnchorSchema = v.strictObject({
  v: v.literal(1),
  /** head: the newest entry at `at`; checkpoint: where the chain starts after retention ran at `at`. */
  kind: v.picklist(['head', 'checkpoint']),
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  at: v.pipe(v.string(), v.isoTimestamp()),
  key: v.string(),
  sig: v.string(),
});
export type Anchor = v.InferOutput<typeof AnchorSchema>;
export type AnchorKind = Anchor['kind'];

const signedPart = ({ sig: _sig, ...rest }: Anchor) => Buffer.from(canonicalJson(rest));

export function signAnchor(kind: AnchorKind, head: ChainHead, at: string, key: SigningKey): Anchor {
  const unsigned = { v: 1 as const, kind, seq: head.seq, hash: head.hash, at, key: key.keyId, sig: '' };
  return { ...unsigned, sig: sign(null, signedPart(unsigned), key.privateKey).toString('base64url') };
}

/** True when a known key made the signature. */
export function anchorSignedBy(anchor: Anchor, keys: readonly VerifyKey[]): boolean {
  const key = keys.find((k) => k.keyId === anchor.key);
  return !!key && verify(null, signedPart(anchor), key.publicKey, Buffer.from(anchor.sig, 'base64url'));
}

/** A stored checkpoint as the anchor its seal is. */
export const checkpointAnchor = (cp: Checkpoint): Anchor => ({
  v: 1,
  kind: 'checkpoint',
  seq: cp.seq,
  hash: cp.hash,
  at: cp.pruned_at,
  key: cp.key,
  sig: cp.sig,
});

/** One line per anchor; a single short write with O_APPEND, so replicas sharing the file do not interleave. */
export function appendAnchor(file: string, anchor: Anchor): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
}

/** The file's anchors with their line numbers; a line that is not a well-formed anchor is kept as a problem. */
export type AnchorLine = { line: number; anchor: Anchor } | { line: number; problem: string };

/** A place in the anchor file: a line (1-based) and the byte offset where it starts. */
export interface AnchorFilePlace {
  line: number;
  offset: number;
}

/**
 * The file's anchors with their line numbers; a line that is not a well-formed anchor is kept as a problem.
 * From `place` on (that line included) when given: an incremental verification reads only the file's tail.
 */
export function readAnchors(file: string, place: AnchorFilePlace = { line: 1, offset: 0 }): AnchorLine[] {
  if (!existsSync(file)) return [];
  const bytes = readFileSync(file);
  if (place.offset > bytes.length) return [];
  return bytes
    .subarray(place.offset)
    .toString('utf8')
    .split('\n')
    .flatMap((text, i): AnchorLine[] => {
      if (text.trim() === '') return [];
      const line = place.line + i;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return [{ line, problem: 'is not JSON' }];
      }
      const parsed = v.safeParse(AnchorSchema, json);
      return [parsed.success ? { line, anchor: parsed.output } : { line, problem: 'is not an anchor' }];
    });
}

/** Where line `line` of the file starts (for an incremental verification's next start). */
export function anchorLineOffset(file: string, line: number): number {
  const bytes = readFileSync(file);
  let offset = 0;
  for (let n = 1; n < line; n++) {
    const next = bytes.indexOf(10, offset);
    if (next < 0) return bytes.length;
    offset = next + 1;
  }
  return offset;
}

export interface AnchorerOptions {
  store: Pick<AuditStore, 'head'>;
  key: SigningKey;
  file: string;
  now?: () => Date;
}

/** Anchors the chain's head when it moved since the last anchor (an idle trail adds no lines). */
export class Anchorer {
  private last: ChainHead | null = null;
  constructor(private readonly opts: AnchorerOptions) {}

  private now(): string {
    return (this.opts.now?.() ?? new Date()).toISOString();
  }

  async tick(): Promise<Anchor | null> {
    const head = await this.opts.store.head();
    if (!head || (head.seq === this.last?.seq && head.hash === this.last.hash)) return null;
    return this.write('head', head);
  }

  write(kind: AnchorKind, head: ChainHead): Anchor {
    const anchor = signAnchor(kind, head, this.now(), this.opts.key);
    appendAnchor(this.opts.file, anchor);
    if (kind === 'head') this.last = { seq: head.seq, hash: head.hash };
    return anchor;
  }

  /** For retention: the checkpoint's seal, signed at the same clock (`prune` stores it with the checkpoint). */
  seal(last: ChainHead): { at: string; key: string; sig: string } {
    const { at, key, sig } = signAnchor('checkpoint', last, this.now(), this.opts.key);
    return { at, key, sig };
  }

  /** Retention's checkpoint, written to the file too (the stored seal already proves it). */
  recordCheckpoint(checkpoint: Checkpoint): void {
    appendAnchor(this.opts.file, checkpointAnchor(checkpoint));
  }
}
