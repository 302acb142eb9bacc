// Token bucket arithmetic shared by the in-memory budget and the local fallback. The Redis budget runs the
// same rules inside one Lua script (redis-budget.ts); keep the two in step. Besides the bucket (the burst),
// no more than `perMinute` go out in any 60 s (a bucket alone would let burst + perMinute through in the
// first minute): the send times of the last `perMinute` requests are kept.

export interface BucketShape {
  perMinute: number;
  burst: number;
}

export interface BucketState {
  tokens: number;
  updatedMs: number;
  /** No token is handed out before this time (an upstream Retry-After). */
  blockedUntilMs: number;
  /** When the last (at most perMinute) tokens were taken, oldest first. */
  sent: number[];
}

export const WINDOW_MS = 60_000;

/** What an upstream answer tells the budget: at most `lowerTo` tokens are left; wait `blockMs`. */
export interface Adjustment {
  lowerTo?: number;
  blockMs?: number;
}

export const ratePerMs = (shape: BucketShape) => shape.perMinute / 60_000;

/** Milliseconds for `tokens` to refill (rounded up, forgiving float noise such as 10000.000000000002). */
const refillMs = (tokens: number, shape: BucketShape) =>
  Math.ceil((tokens * 60_000) / shape.perMinute - 1e-9);

export function newBucket(shape: BucketShape, now: number): BucketState {
  return { tokens: shape.burst, updatedMs: now, blockedUntilMs: 0, sent: [] };
}

export function refill(state: BucketState, shape: BucketShape, now: number): void {
  const elapsed = Math.max(0, now - state.updatedMs);
  state.tokens = Math.min(shape.burst, state.tokens + elapsed * ratePerMs(shape));
  state.updatedMs = Math.max(state.updatedMs, now);
}

/** Milliseconds until `need` tokens will have come (spent as they come when `need` > burst), 0 = now. */
export function waitFor(state: BucketState, shape: BucketShape, need: number, now: number): number {
  const blocked = Math.max(0, state.blockedUntilMs - now);
  const missing = Math.max(0, need - state.tokens);
  // The need-th token also waits for the send that many places back to leave the 60 s window.
  const over = state.sent.length + Math.min(need, shape.perMinute) - shape.perMinute;
  const windowWait = over > 0 ? Math.max(0, (state.sent[over - 1] ?? now) + WINDOW_MS - now) : 0;
  return Math.max(blocked, refillMs(missing, shape), windowWait);
}

/** Takes one token if `1 + reserve` are there; otherwise says how long until they are. */
export function take(
  state: BucketState,
  shape: BucketShape,
  reserve: number,
  now: number,
): { ok: boolean; waitMs: number } {
  refill(state, shape, now);
  // A reserve as large as the burst could never be met: keep at most all but one token back.
  const waitMs = waitFor(state, shape, Math.min(1 + reserve, shape.burst), now);
  if (waitMs > 0) return { ok: false, waitMs };
  state.tokens -= 1;
  state.sent.push(now);
  if (state.sent.length > shape.perMinute) state.sent.splice(0, state.sent.length - shape.perMinute);
  return { ok: true, waitMs: 0 };
}

export function refund(state: BucketState, shape: BucketShape, now: number): void {
  refill(state, shape, now);
  state.tokens = Math.min(shape.burst, state.tokens + 1);
  state.sent.pop();
}

export function adjust(state: BucketState, shape: BucketShape, adj: Adjustment, now: number): void {
  refill(state, shape, now);
  if (adj.lowerTo !== undefined) state.tokens = Math.min(state.tokens, Math.max(0, adj.lowerTo));
  if (adj.blockMs) state.blockedUntilMs = Math.max(state.blockedUntilMs, now + adj.blockMs);
}

/** When the bucket is full again (what X-RateLimit-Reset means upstream). */
export function fullAtMs(state: BucketState, shape: BucketShape, now: number): number {
  return Math.max(now + Math.max(0, refillMs(shape.burst - state.tokens, shape)), state.blockedUntilMs);
}
