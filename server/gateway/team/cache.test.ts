import { describe, expect, it } from 'vitest';
import { FakeClock, settle } from '../../testing/fake-clock.ts';
import { createResponseCache } from './cache.ts';
import { cacheKeyOf, cachePolicyFor, invalidationsFor } from './cache-policy.ts';
import { type CachedResponse, createMemoryCacheStore } from './cache-store.ts';

const answer = (status = 200, text = 'x'): CachedResponse => ({
  status,
  headers: [['content-type', 'application/json']],
  body: new TextEncoder().encode(text),
});

function setup() {
  const clock = new FakeClock();
  const cache = createResponseCache(createMemoryCacheStore(clock));
  let loads = 0;
  const gates: ((v: CachedResponse) => void)[] = [];
  const signals: AbortSignal[] = [];
  /** A load that waits until the test opens its gate. */
  const gated = (signal: AbortSignal) => {
    loads++;
    signals.push(signal);
    return new Promise<CachedResponse>((resolve) => gates.push(resolve));
  };
  const immediate = (v: CachedResponse) => async () => {
    loads++;
    return v;
  };
  return { clock, cache, gates, signals, gated, immediate, loads: () => loads };
}

const list = { ttlMs: 5_000, tags: ['lists:p1'] };

describe('response cache', () => {
  it('answers identical requests from the cache within the TTL, and fetches again after it', async () => {
    const { clock, cache, immediate, loads } = setup();
    expect((await cache.through('k', list, immediate(answer()))).outcome).toBe('miss');
    await clock.advance(4_999);
    const hit = await cache.through('k', list, immediate(answer()));
    expect(hit.outcome).toBe('hit');
    expect(new TextDecoder().decode(hit.value.body)).toBe('x');
    await clock.advance(2);
    expect((await cache.through('k', list, immediate(answer()))).outcome).toBe('miss');
    expect(loads()).toBe(2);
  });

  it('fetches once for concurrent identical requests', async () => {
    const { cache, gated, gates, loads } = setup();
    const first = cache.through('k', list, gated);
    const second = cache.through('k', list, gated);
    await settle();
    gates[0]?.(answer());
    expect((await first).outcome).toBe('miss');
    expect((await second).outcome).toBe('shared');
    expect(loads()).toBe(1);
  });

  it('never stores an error, but shares it with those who asked at the same time', async () => {
    const { cache, immediate, loads } = setup();
    expect((await cache.through('k', list, immediate(answer(500)))).value.status).toBe(500);
    expect((await cache.through('k', list, immediate(answer(429)))).value.status).toBe(429);
    expect(loads()).toBe(2);
  });

  it('drops entries whose tag was invalidated', async () => {
    const { cache, immediate, loads } = setup();
    await cache.through('k', list, immediate(answer()));
    await cache.through('other', { ttlMs: 5_000, tags: ['lists:p2'] }, immediate(answer()));
    await cache.invalidate(['lists:p1']);
    expect((await cache.through('k', list, immediate(answer()))).outcome).toBe('miss');
    expect(
      (await cache.through('other', { ttlMs: 5_000, tags: ['lists:p2'] }, immediate(answer()))).outcome,
    ).toBe('hit');
    expect(loads()).toBe(3);
  });

  it('does not store a fetch that was in flight when an edit invalidated it', async () => {
    const { cache, gated, gates, immediate, loads } = setup();
    const before = cache.through('k', list, gated);
    await settle();
    await cache.invalidate(['lists:p1']);
    gates[0]?.(answer(200, 'old'));
    await before;
    expect((await cache.through('k', list, immediate(answer(200, 'new')))).outcome).toBe('miss');
    expect(loads()).toBe(2);
  });

  it('keeps fetching while one caller still waits, and stops when the last one leaves', async () => {
    const { cache, gated, gates, signals } = setup();
    const a = new AbortController();
    const b = new AbortController();
    const first = cache.through('k', list, gated, a.signal);
    const second = cache.through('k', list, gated, b.signal);
    await settle();
    a.abort();
    await expect(first).rejects.toThrow();
    expect(signals[0]?.aborted).toBe(false);
    b.abort();
    await expect(second).rejects.toThrow();
    expect(signals[0]?.aborted).toBe(true);
    gates[0]?.(answer());
  });
});

describe('cache policy', () => {
  const url = (s: string) => new URL(s, 'http://upstream.invalid');
  const headers = (profile: string) => `x-profile-id:${profile}`;

  it('keys by API key, scope, path and query (in any order)', () => {
    const k = cacheKeyOf('key1', headers('p1'), url('/v3/contacts?page=2&page_size=20'));
    expect(cacheKeyOf('key1', headers('p1'), url('/v3/contacts?page_size=20&page=2'))).toBe(k);
    expect(cacheKeyOf('key2', headers('p1'), url('/v3/contacts?page=2&page_size=20'))).not.toBe(k);
    expect(cacheKeyOf('key1', headers('p2'), url('/v3/contacts?page=2&page_size=20'))).not.toBe(k);
    expect(cacheKeyOf('key1', headers('p1'), url('/v3/contacts?page=3&page_size=20'))).not.toBe(k);
  });

  it('keeps account data about a minute and contacts a few seconds', () => {
    expect(cachePolicyFor('/v3/me', 'p1')).toEqual({ ttlMs: 60_000, tags: ['account'] });
    expect(cachePolicyFor('/v3/profiles/abc', 'p1')?.ttlMs).toBe(60_000);
    expect(cachePolicyFor('/v3/contacts', 'p1')).toEqual({ ttlMs: 5_000, tags: ['lists:p1'] });
    expect(cachePolicyFor('/v1/contacts', '')).toEqual({ ttlMs: 5_000, tags: ['lists:-'] });
    expect(cachePolicyFor('/v3/contacts/c1', 'p1')).toEqual({ ttlMs: 5_000, tags: ['contact:c1'] });
    expect(cachePolicyFor('/v3/templates', 'p1')).toBeNull();
  });

  it("an edit makes that contact and that profile's lists stale", () => {
    expect(invalidationsFor('PATCH', '/v3/contacts/c1', 'p1')).toEqual(['contact:c1', 'lists:p1']);
    expect(invalidationsFor('DELETE', '/v3/contacts/c1', 'p1')).toEqual(['contact:c1', 'lists:p1']);
    expect(invalidationsFor('POST', '/v3/contacts', 'p2')).toEqual(['lists:p2']);
    expect(invalidationsFor('GET', '/v3/contacts/c1', 'p1')).toEqual([]);
  });
});
