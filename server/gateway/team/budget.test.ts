import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../testing/fake-clock.ts';
import { createMemoryBudget } from './budget.ts';
import { adjustmentFrom, resetAtMs, retryAfterMs } from './upstream-signal.ts';

const shape = { perMinute: 60, burst: 3 }; // one token a second

describe('memory budget', () => {
  it('spends the burst, then one token per refill interval', async () => {
    const clock = new FakeClock();
    const budget = createMemoryBudget(shape, clock);
    for (let i = 0; i < 3; i++) expect(await budget.take(0)).toEqual({ ok: true, waitMs: 0 });
    expect(await budget.take(0)).toEqual({ ok: false, waitMs: 1_000 });
    await clock.advance(999);
    expect((await budget.take(0)).ok).toBe(false);
    await clock.advance(1);
    expect((await budget.take(0)).ok).toBe(true);
  });

  it('never lets more than perMinute go in any 60 s, burst included', async () => {
    const clock = new FakeClock();
    const budget = createMemoryBudget(shape, clock);
    let sent = 0;
    for (let s = 0; s < 58; s++) {
      while ((await budget.take(0)).ok) sent++;
      await clock.advance(1_000);
    }
    expect(sent).toBe(60); // the burst of 3 at 0 s, then one a second up to 56 s
    expect(await budget.take(0)).toEqual({ ok: false, waitMs: 2_001 }); // a token is there; the window is full
    expect(budget.view().remaining).toBe(0);
    await clock.advance(2_001);
    expect((await budget.take(0)).ok).toBe(true);
  });

  it('keeps a share of the 60 s window back too, not only of the burst', async () => {
    const clock = new FakeClock();
    const budget = createMemoryBudget({ perMinute: 10, burst: 10 }, clock);
    for (let i = 0; i < 7; i++) expect((await budget.take(0.3)).ok).toBe(true);
    expect((await budget.take(0.3)).ok).toBe(false);
    await clock.advance(30_000); // the bucket has tokens again, but 7 of 10 went within the last 60 s
    expect((await budget.take(0.3)).waitMs).toBe(30_001);
    expect((await budget.take(0)).ok).toBe(true);
  });

  it('keeps a reserve back when asked', async () => {
    const clock = new FakeClock();
    const budget = createMemoryBudget(shape, clock);
    expect((await budget.take(1 / 3)).ok).toBe(true);
    expect((await budget.take(1 / 3)).ok).toBe(true);
    expect(await budget.take(1 / 3)).toEqual({ ok: false, waitMs: 1_000 }); // 1 left, needs 2
    expect((await budget.take(0)).ok).toBe(true);
  });

  it('reports what is left and when it is full again', async () => {
    const clock = new FakeClock();
    const budget = createMemoryBudget(shape, clock);
    await budget.take(0);
    await budget.take(0);
    expect(budget.view()).toMatchObject({
      mode: 'local',
      perMinute: 60,
      burst: 3,
      remaining: 1,
      replicas: 1,
    });
    expect(budget.view().resetAtMs).toBe(clock.now() + 2_000);
    await budget.refund();
    expect(budget.view().remaining).toBe(2);
  });

  it('believes the upstream when it says fewer are left', async () => {
    const clock = new FakeClock();
    const budget = createMemoryBudget(shape, clock);
    const headers = new Headers({ 'x-ratelimit-remaining': '1', 'x-ratelimit-limit': '200' });
    await budget.adjust(adjustmentFrom(headers, 200, clock.now()));
    expect(budget.view().remaining).toBe(1);
    // …but not when it says more are left than our share allows.
    await clock.advance(5_000);
    await budget.adjust(adjustmentFrom(new Headers({ 'x-ratelimit-remaining': '40' }), 200, clock.now()));
    expect(budget.view().remaining).toBe(3);
  });

  it("blocks for a 429's Retry-After even with tokens left", async () => {
    const clock = new FakeClock();
    const budget = createMemoryBudget(shape, clock);
    await budget.adjust(adjustmentFrom(new Headers({ 'retry-after': '7' }), 429, clock.now()));
    expect(budget.view().blockedUntilMs).toBe(clock.now() + 7_000);
    await clock.advance(5_000);
    expect(await budget.take(0)).toEqual({ ok: false, waitMs: 2_000 });
    await clock.advance(2_000);
    expect((await budget.take(0)).ok).toBe(true);
  });

  it('waits for the next upstream token when the upstream has none left', () => {
    const now = 1_700_000_000_000;
    const headers = new Headers({
      'x-ratelimit-remaining': '0',
      'x-ratelimit-limit': '200',
      'x-ratelimit-reset': String(now / 1000 + 15),
    });
    expect(adjustmentFrom(headers, 200, now)).toEqual({ lowerTo: 0, blockMs: 300 });
  });
});

describe('upstream headers', () => {
  const now = Date.parse('2030-01-01T00:00:00Z');
  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('3', now)).toBe(3_000);
    expect(retryAfterMs('Tue, 01 Jan 2030 00:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });

  it('reads X-RateLimit-Reset as epoch seconds or seconds from now', () => {
    expect(resetAtMs(String(now / 1000 + 20), now)).toBe(now + 20_000);
    expect(resetAtMs('60', now)).toBe(now + 60_000);
    expect(resetAtMs('x', now)).toBeNull();
  });

  it('blocks one second after a 429 without Retry-After', () => {
    expect(adjustmentFrom(new Headers(), 429, now)).toEqual({ lowerTo: 0, blockMs: 1_000 });
  });
});
