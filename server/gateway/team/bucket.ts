// Token bucket arithmetic shared by the in-memory budget and the local fallback. The Redis budget runs the
// same rules inside one Lua script (redis-budget.ts); keep the two in step. Besides the bucket (the burst),
// no more than `perMinute` go out in any 60 s (a bucket alone would let burst + perMinute through in the
// first minute): the send times of the last `perMinute` requests are kept.
//
// Why not rate-limiter-flexible (evaluated for issue 19): its limiters count points per fixed window that
// starts at the first request (BurstyRateLimiter combines two of them), so up to twice `perMinute` can pass
// across a window's edge, which Sent answers with 429s: the 60 s rule here is a sliding log. People before
// background work needs "take one only if `reserveShare` of the burst and of the window stays for others",
// atomically across replicas; rlf consumes or refuses by points left, and checking first is a second round
// trip that races between replicas. The upstream's own figures lower the bucket (X-RateLimit-Remaining) and a
// 429's Retry-After holds every replica back; the scheduler needs the wait for N requests from the local
// picture without I/O; and tests drive it all on an injected clock, where rlf reads Date.now(). Its insurance
// limiter (a memory limiter while Redis is out) is what redis-budget.ts's fallback does, with the share divided
// by the replicas last seen: taking it would still leave everything above to write.

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

/** What a reserve share keeps back: that part of the burst, and of the requests a 60 s window may hold. */
export const reserveOf = (shape: BucketShape, share: number) => ({
  tokens: Math.floor(share * shape.burst),
  window: Math.floor(share * shape.perMinute),
});

/**
 * Milliseconds until `need` more requests may go with `reserveShare` kept back (tokens spent as they come
 * when more than the burst is needed), 0 = now.
 */
export function waitFor(
  state: BucketState,
  shape: BucketShape,
  need: number,
  now: number,
  reserveShare = 0,
): number {
  const reserve = reserveOf(shape, reserveShare);
  const blocked = Math.max(0, state.blockedUntilMs - now);
  const missing = Math.max(0, need + reserve.tokens - state.tokens);
  // The need-th request also waits for the send that many places back to leave the 60 s window
  // (strictly: a send at t counts until t + 60 s inclusive).
  const inWindow = state.sent.filter((t) => t > now - WINDOW_MS - 1);
  const over = inWindow.length + Math.min(need + reserve.window, shape.perMinute) - shape.perMinute;
  const windowWait = over > 0 ? Math.max(0, (inWindow[over - 1] ?? now) + WINDOW_MS + 1 - now) : 0;
  return Math.max(blocked, refillMs(missing, shape), windowWait);
}

/** Takes one token if it leaves `reserveShare` (reserveOf) untouched; otherwise says how long until it would. */
export function take(
  state: BucketState,
  shape: BucketShape,
  reserveShare: number,
  now: number,
): { ok: boolean; waitMs: number } {
  refill(state, shape, now);
  // A reserve as large as the burst could never be met: keep at most all but one token back.
  const waitMs = waitFor(state, shape, 1, now, Math.min(reserveShare, 1 - 1 / shape.burst));
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
