// Who spends the next token: interactive work before background work, and within each, the people waiting
// in turn (one queue per requester, served round-robin), so one person's paging or export cannot crowd out
// the rest. A request that would wait past its bound is refused at once with an honest Retry-After; a caller
// that gives up leaves the queue and never spends a token.

import type { Clock } from '../../clock.ts';
import type { Budget } from './budget.ts';

export type Priority = 'interactive' | 'background';

export type Admission =
  | { kind: 'granted'; waitedMs: number }
  /** Over the wait bound: interactive work is refused, background work is shed. */
  | { kind: 'over-budget' | 'shed'; retryAfterMs: number; waitedMs: number }
  | { kind: 'aborted'; waitedMs: number };

export interface AdmitRequest {
  requester: string;
  priority: Priority;
  signal?: AbortSignal;
  /** Longest this request may wait; defaults to the scheduler's bound. */
  maxWaitMs?: number;
}

export interface Scheduler {
  admit(req: AdmitRequest): Promise<Admission>;
  queued(): Record<Priority, number>;
}

export interface SchedulerOptions {
  budget: Budget;
  clock: Clock;
  maxWaitMs: number;
  /** Background work is shed sooner: a prefetch that waits long is useless, an export just retries later. */
  backgroundMaxWaitMs: number;
  /** Share of the burst and of the 60 s window background work leaves for people (0..1). */
  backgroundReserve: number;
}

interface Waiter {
  req: AdmitRequest;
  since: number;
  deadline: unknown;
  settle(a: Admission): void;
}

/** Insertion-ordered per-requester queues; a served requester moves to the back. */
type Lanes = Map<string, Waiter[]>;

export function createScheduler(opts: SchedulerOptions): Scheduler {
  const { budget, clock } = opts;
  const lanes: Record<Priority, Lanes> = { interactive: new Map(), background: new Map() };
  let wake: unknown = null;
  let pumping = false;

  const count = (l: Lanes) => [...l.values()].reduce((n, q) => n + q.length, 0);
  const head = (): Waiter | undefined =>
    lanes.interactive.values().next().value?.[0] ?? lanes.background.values().next().value?.[0];
  const reserveOf = (p: Priority) => (p === 'background' ? opts.backgroundReserve : 0);

  /** Tokens that go to others before a new request of `requester` would be served (round-robin order). */
  function aheadOf(requester: string, priority: Priority): number {
    const l = lanes[priority];
    const mine = l.get(requester)?.length ?? 0;
    let ahead = mine;
    for (const [who, q] of l) if (who !== requester) ahead += Math.min(q.length, mine + 1);
    return priority === 'background' ? ahead + count(lanes.interactive) : ahead;
  }

  function remove(w: Waiter): boolean {
    const l = lanes[w.req.priority];
    const q = l.get(w.req.requester);
    const i = q?.indexOf(w) ?? -1;
    if (!q || i === -1) return false;
    q.splice(i, 1);
    if (q.length === 0) l.delete(w.req.requester);
    clock.clearTimeout(w.deadline);
    return true;
  }

  function serveNext(): Waiter | undefined {
    const w = head();
    if (!w) return undefined;
    remove(w);
    const l = lanes[w.req.priority];
    const rest = l.get(w.req.requester);
    if (rest) {
      l.delete(w.req.requester);
      l.set(w.req.requester, rest);
    }
    return w;
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    clock.clearTimeout(wake);
    wake = null;
    try {
      for (let next = head(); next; next = head()) {
        const r = await budget.take(reserveOf(next.req.priority));
        if (!r.ok) {
          if (head() !== next) continue; // someone more urgent arrived while we asked
          wake = clock.setTimeout(() => void pump(), r.waitMs);
          return;
        }
        const w = serveNext();
        if (!w)
          await budget.refund(); // everyone left while the token was being taken
        else w.settle({ kind: 'granted', waitedMs: clock.now() - w.since });
      }
    } finally {
      pumping = false;
    }
  }

  function refusal(priority: Priority, retryAfterMs: number, waitedMs: number): Admission {
    return { kind: priority === 'background' ? 'shed' : 'over-budget', retryAfterMs, waitedMs };
  }

  return {
    queued: () => ({ interactive: count(lanes.interactive), background: count(lanes.background) }),

    admit(req) {
      const { signal, priority } = req;
      if (signal?.aborted) return Promise.resolve({ kind: 'aborted', waitedMs: 0 });
      const bound = req.maxWaitMs ?? (priority === 'background' ? opts.backgroundMaxWaitMs : opts.maxWaitMs);
      const expected = budget.estimateWaitMs(aheadOf(req.requester, priority) + 1, reserveOf(priority));
      // Only what will be served before its deadline is queued (its wake-up must come first).
      if (expected >= bound) return Promise.resolve(refusal(priority, expected, 0));

      return new Promise<Admission>((resolve) => {
        const since = clock.now();
        const onAbort = () => remove(w) && w.settle({ kind: 'aborted', waitedMs: clock.now() - since });
        const w: Waiter = {
          req,
          since,
          deadline: null,
          settle(a) {
            signal?.removeEventListener('abort', onAbort);
            resolve(a);
          },
        };
        w.deadline = clock.setTimeout(() => {
          if (!remove(w)) return;
          const retry = budget.estimateWaitMs(aheadOf(req.requester, priority) + 1, reserveOf(priority));
          w.settle(refusal(priority, Math.max(retry, 1_000), clock.now() - since));
        }, bound);
        signal?.addEventListener('abort', onAbort, { once: true });
        const q = lanes[priority].get(req.requester);
        if (q) q.push(w);
        else lanes[priority].set(req.requester, [w]);
        void pump();
      });
    },
  };
}
