// Test clock: time moves only when a test calls advance(), firing due timers in order and letting the
// promise chains they start settle before the next one fires.
//
// Why not @sinonjs/fake-timers (what vi.useFakeTimers bundles; evaluated for issue 19): the code under test
// takes an injected Clock (server/clock.ts), so faking the global timers would only add risk: ioredis, pg
// and undici in the same process would get fake timers too (the real Redis and PostgreSQL tests). Its own
// clock object (createClock) would do, but tickAsync yields to a real setTimeout between two timers, which
// runs before the I/O callbacks of that turn of the event loop; advance() yields with setImmediate, after
// them, so a lease renewal's SQLite or Redis write has landed before the next timer fires. That order is
// what keeps the worker, lease and Redis tests deterministic.
import type { Clock } from '../clock.ts';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

/** Lets pending promise reactions run (no time passes). */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export class FakeClock implements Clock {
  private t: number;
  private seq = 0;
  private timers = new Set<Timer>();

  constructor(start = 1_700_000_000_000) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { at: this.t + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.add(timer);
    return timer;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as Timer);
  }

  pending(): number {
    return this.timers.size;
  }

  async advance(ms: number): Promise<void> {
    const target = this.t + ms;
    await settle();
    for (;;) {
      const due = [...this.timers]
        .filter((x) => x.at <= target)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers.delete(due);
      this.t = due.at;
      due.fn();
      await settle();
    }
    this.t = target;
    await settle();
  }
}
