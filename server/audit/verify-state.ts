// What `audit:verify` remembers between runs (AUDIT_VERIFY_STATE): the newest anchor it verified, and where
// its line starts in the anchor file. `--since-last` starts there: that anchor's signature and its entry's
// hash are checked again, then only what came after. The note is only a starting point: when it is missing,
// unreadable or names a line that is no longer that anchor, the run checks everything.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as v from 'valibot';
import { type AnchorLine, anchorLineOffset, anchorSignedBy, readAnchors } from './anchor.ts';
import type { VerifyKey } from './keys.ts';
import type { VerifiedAnchor } from './verify-run.ts';

const StateSchema = v.object({
  v: v.literal(1),
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  line: v.pipe(v.number(), v.integer(), v.minValue(1)),
  offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
  verified_at: v.string(),
});
type State = v.InferOutput<typeof StateSchema>;

function readState(file: string): State | null {
  try {
    const parsed = v.safeParse(StateSchema, JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

export interface IncrementalStart {
  since: VerifiedAnchor;
  /** The anchor lines after it. */
  anchors: AnchorLine[];
}

/** The last verified anchor and the lines after it, or null (then everything is checked). */
export function incrementalStart(
  stateFile: string,
  anchorFile: string,
  keys: readonly VerifyKey[],
): IncrementalStart | null {
  const state = readState(stateFile);
  if (!state) return null;
  const [first, ...rest] = readAnchors(anchorFile, state);
  const same =
    first?.line === state.line &&
    'anchor' in first &&
    first.anchor.seq === state.seq &&
    first.anchor.hash === state.hash &&
    anchorSignedBy(first.anchor, keys);
  return same ? { since: { seq: state.seq, hash: state.hash, line: state.line }, anchors: rest } : null;
}

/** After a run that held: the newest anchor it checked becomes the next run's start. */
export function rememberVerified(
  stateFile: string,
  anchorFile: string,
  anchors: readonly AnchorLine[],
  now: Date,
): void {
  const newest = anchors.findLast((l) => 'anchor' in l && l.anchor.kind === 'head');
  if (!newest || !('anchor' in newest)) return;
  const state: State = {
    v: 1,
    seq: newest.anchor.seq,
    hash: newest.anchor.hash,
    line: newest.line,
    offset: anchorLineOffset(anchorFile, newest.line),
    verified_at: now.toISOString(),
  };
  mkdirSync(dirname(stateFile), { recursive: true });
  // Written aside and renamed: a run cut short never leaves half a note.
  writeFileSync(`${stateFile}.tmp`, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  renameSync(`${stateFile}.tmp`, stateFile);
}
