// The account's budget as the gateway spends it: a token bucket of the console's share. One interface, two
// homes: this process (createMemoryBudget) or Redis shared by every replica (redis-budget.ts).

import type { Clock } from '../../clock.ts';
import {
  type Adjustment,
  adjust,
  type BucketShape,
  type BucketState,
  fullAtMs,
  newBucket,
  refill,
  refund,
  take,
  WINDOW_MS,
  waitFor,
} from './bucket.ts';

export type BudgetMode = 'local' | 'redis' | 'local-fallback';

export interface BudgetView {
  mode: BudgetMode;
  /** Requests a minute and burst currently in force (the fallback's are the share divided by replicas). */
  perMinute: number;
  burst: number;
  /** Whole tokens left now. */
  remaining: number;
  /** When the bucket is full again (epoch ms). */
  resetAtMs: number;
  /** An upstream Retry-After in force until this time (epoch ms), else 0. */
  blockedUntilMs: number;
  /** Gateway replicas sharing the budget (1 without Redis). */
  replicas: number;
}

export interface Budget {
  /**
   * Takes one token when that leaves `reserveShare` of the burst and of the 60 s window to others (people);
   * otherwise says how long until it would. Never throws.
   */
  take(reserveShare: number): Promise<{ ok: boolean; waitMs: number }>;
  /** Gives back a token nobody used (its caller went away). */
  refund(): Promise<void>;
  /** Applies what an upstream answer said (see upstream-signal.ts). */
  adjust(adj: Adjustment): Promise<void>;
  /** Milliseconds until `need` requests may go with `reserveShare` kept back, from the last known state (no I/O). */
  estimateWaitMs(need: number, reserveShare?: number): number;
  view(): BudgetView;
  close(): Promise<void>;
}

/** A bucket in this process; also the Redis budget's fallback and its local picture of the shared one. */
export class LocalBucket {
  state: BucketState;

  constructor(
    public shape: BucketShape,
    private clock: Clock,
  ) {
    this.state = newBucket(shape, clock.now());
  }

  take(reserveShare: number) {
    return take(this.state, this.shape, reserveShare, this.clock.now());
  }

  refund(): void {
    refund(this.state, this.shape, this.clock.now());
  }

  adjust(adj: Adjustment): void {
    adjust(this.state, this.shape, adj, this.clock.now());
  }

  estimateWaitMs(need: number, reserveShare = 0): number {
    const now = this.clock.now();
    refill(this.state, this.shape, now);
    return waitFor(this.state, this.shape, need, now, reserveShare);
  }

  view(mode: BudgetMode, replicas: number): BudgetView {
    const now = this.clock.now();
    refill(this.state, this.shape, now);
    return {
      mode,
      perMinute: this.shape.perMinute,
      burst: this.shape.burst,
      remaining: Math.max(
        0,
        Math.min(
          Math.floor(this.state.tokens),
          this.shape.perMinute - this.state.sent.filter((t) => t > now - WINDOW_MS - 1).length,
        ),
      ),
      resetAtMs: fullAtMs(this.state, this.shape, now),
      blockedUntilMs: this.state.blockedUntilMs > now ? this.state.blockedUntilMs : 0,
      replicas,
    };
  }
}

export function createMemoryBudget(shape: BucketShape, clock: Clock): Budget {
  const bucket = new LocalBucket(shape, clock);
  return {
    take: async (share) => bucket.take(share),
    refund: async () => bucket.refund(),
    adjust: async (adj) => bucket.adjust(adj),
    estimateWaitMs: (need, share) => bucket.estimateWaitMs(need, share),
    view: () => bucket.view('local', 1),
    close: async () => {},
  };
}
