import { describe, expect, it } from 'vitest';
import { FakeClock, settle } from '../../testing/fake-clock.ts';
import { createMemoryBudget } from './budget.ts';
import { type Admission, type AdmitRequest, createScheduler } from './scheduler.ts';

/** One token a second, burst 2; a 10 s bound (5 s for background); background keeps half (1 token) for people. */
function setup(burst = 2) {
  const clock = new FakeClock();
  const budget = createMemoryBudget({ perMinute: 60, burst }, clock);
  const scheduler = createScheduler({
    budget,
    clock,
    maxWaitMs: 10_000,
    backgroundMaxWaitMs: 5_000,
    backgroundReserve: 0.5,
  });
  const served: string[] = [];
  const results = new Map<string, Admission>();
  const admit = (name: string, req: Partial<AdmitRequest> = {}) =>
    scheduler.admit({ requester: 'alice', priority: 'interactive', ...req }).then((a) => {
      results.set(name, a);
      if (a.kind === 'granted') served.push(name);
      return a;
    });
  const drain = async () => {
    for (let i = 0; i < burst; i++) await scheduler.admit({ requester: 'warm-up', priority: 'interactive' });
  };
  return { clock, budget, scheduler, served, results, admit, drain };
}

describe('scheduler', () => {
  it('grants at once while tokens are left', async () => {
    const { admit } = setup();
    expect(await admit('a')).toEqual({ kind: 'granted', waitedMs: 0 });
  });

  it('serves people before background work', async () => {
    const { clock, admit, drain, served } = setup();
    await drain();
    void admit('prefetch', { priority: 'background' });
    void admit('page', { priority: 'interactive' });
    await clock.advance(1_000);
    expect(served).toEqual(['page']);
    // Background waits until a token is left over beyond the reserve.
    await clock.advance(1_000);
    expect(served).toEqual(['page']);
    await clock.advance(1_000);
    expect(served).toEqual(['page', 'prefetch']);
  });

  it('serves requesters in turn, so one heavy user does not starve another', async () => {
    const { clock, admit, drain, served } = setup();
    await drain();
    for (let i = 1; i <= 4; i++) void admit(`alice${i}`, { requester: 'alice' });
    void admit('bob1', { requester: 'bob' });
    void admit('carol1', { requester: 'carol' });
    await clock.advance(6_000);
    expect(served).toEqual(['alice1', 'bob1', 'carol1', 'alice2', 'alice3', 'alice4']);
  });

  it('refuses at once, with an honest Retry-After, what would wait past the bound', async () => {
    const { scheduler, drain, admit } = setup();
    await drain();
    for (let i = 1; i <= 9; i++) void admit(`a${i}`); // would be served after 1..9 s
    expect(scheduler.queued()).toEqual({ interactive: 9, background: 0 });
    expect(await admit('a10')).toEqual({ kind: 'over-budget', retryAfterMs: 10_000, waitedMs: 0 });
    // Background work over its bound is shed, its Retry-After counting the people ahead and the reserve.
    expect(await admit('export', { priority: 'background' })).toEqual({
      kind: 'shed',
      retryAfterMs: 11_000,
      waitedMs: 0,
    });
  });

  it('sheds background work sooner than it refuses people', async () => {
    const { scheduler, drain, admit, results } = setup();
    await drain();
    for (let i = 1; i <= 4; i++) void admit(`a${i}`);
    expect((await admit('prefetch', { priority: 'background' })).kind).toBe('shed'); // 6 s > 5 s
    void admit('a5'); // 5 s < 10 s
    await settle();
    expect(results.get('a5')).toBeUndefined();
    expect(scheduler.queued()).toEqual({ interactive: 5, background: 0 });
  });

  it("judges the bound per requester: a newcomer is not refused for a heavy user's backlog", async () => {
    const { scheduler, drain, admit } = setup();
    await drain();
    for (let i = 1; i <= 9; i++) void admit(`a${i}`, { requester: 'alice' });
    expect((await admit('a10', { requester: 'alice' })).kind).toBe('over-budget');
    void admit('bob1', { requester: 'bob' });
    expect(scheduler.queued().interactive).toBe(10);
  });

  it('refuses a queued request when the bound passes (an upstream Retry-After came in meanwhile)', async () => {
    const { clock, budget, drain, admit, results } = setup();
    await drain();
    void admit('page');
    await budget.adjust({ lowerTo: 0, blockMs: 30_000 });
    await clock.advance(10_000);
    expect(results.get('page')).toEqual({ kind: 'over-budget', retryAfterMs: 20_000, waitedMs: 10_000 });
  });

  it('sheds queued background work when its bound passes', async () => {
    const { clock, budget, scheduler, drain, admit, results } = setup();
    await drain();
    void admit('prefetch', { priority: 'background', maxWaitMs: 3_000 });
    await budget.adjust({ blockMs: 5_000 });
    await clock.advance(3_000);
    expect(results.get('prefetch')).toMatchObject({ kind: 'shed', waitedMs: 3_000 });
    expect(scheduler.queued()).toEqual({ interactive: 0, background: 0 });
  });

  it('lets a caller that gave up leave the queue without spending a token', async () => {
    const { clock, budget, drain, admit, results, served } = setup();
    await drain();
    const gone = new AbortController();
    void admit('abandoned', { signal: gone.signal });
    void admit('next', { requester: 'bob' });
    await settle();
    gone.abort();
    await settle();
    expect(results.get('abandoned')?.kind).toBe('aborted');
    await clock.advance(1_000);
    expect(served).toEqual(['next']);
    expect(budget.view().remaining).toBe(0);
    await clock.advance(1_000);
    expect(budget.view().remaining).toBe(1); // nobody took the abandoned request's token
  });

  it('returns a token taken for callers who all left meanwhile', async () => {
    const { budget, scheduler } = setup(1);
    const gone = new AbortController();
    const pending = scheduler.admit({ requester: 'x', priority: 'interactive', signal: gone.signal });
    gone.abort(); // before the (async) take has resolved
    expect((await pending).kind).toBe('aborted');
    await settle();
    expect(budget.view().remaining).toBe(1);
  });

  it('answers an already-aborted caller without queueing it', async () => {
    const { scheduler } = setup();
    const a = await scheduler.admit({ requester: 'x', priority: 'interactive', signal: AbortSignal.abort() });
    expect(a.kind).toBe('aborted');
    expect(scheduler.queued()).toEqual({ interactive: 0, background: 0 });
  });
});
