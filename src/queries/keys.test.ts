import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { keys, normaliseListQuery, scopeOfKey } from './keys';
import { retryDelay, shouldRetry } from './retry';

const P1 = '7a3d2c10-0000-4000-8000-000000000011';
const P2 = '7a3d2c10-0000-4000-8000-000000000012';

describe('query keys', () => {
  it('scopes every contact key by profile', () => {
    expect(keys.list(P1, { page: 2, pageSize: 20 })).toEqual([
      'sent',
      P1,
      'contacts',
      'list',
      { page: 2, pageSize: 20 },
    ]);
    expect(keys.detail(null, 'c1')).toEqual(['sent', 'self', 'contacts', 'detail', 'c1']);
    expect(keys.lookup(P2, '+14155550100')).toEqual(['sent', P2, 'contacts', 'lookup', '+14155550100']);
  });

  it('keeps profiles apart and nests lists under the scope prefix', () => {
    const a = keys.list(P1, { page: 1, pageSize: 20 });
    const b = keys.list(P2, { page: 1, pageSize: 20 });
    expect(a).not.toEqual(b);
    expect(a.slice(0, 2)).toEqual(keys.scope(P1));
    expect(a.slice(0, 4)).toEqual(keys.lists(P1));
    expect(keys.detail(P1, 'x').slice(0, 2)).not.toEqual(keys.scope(P2));
  });

  it('drops empty filters so equal requests share a key', () => {
    expect(normaliseListQuery({ page: 1, pageSize: 20, search: '', channel: undefined, phone: '' })).toEqual({
      page: 1,
      pageSize: 20,
    });
    expect(keys.list(null, { page: 1, pageSize: 20, search: '' })).toEqual(
      keys.list(null, { page: 1, pageSize: 20 }),
    );
  });

  it('account keys are not profile-scoped and scope can be read back', () => {
    expect(scopeOfKey(keys.me())).toBeUndefined();
    expect(scopeOfKey(keys.list(P1, { page: 1, pageSize: 10 }))).toBe(P1);
    expect(scopeOfKey(keys.list(null, { page: 1, pageSize: 10 }))).toBeNull();
    expect(scopeOfKey(['other'])).toBeUndefined();
  });
});

describe('retry policy', () => {
  const err = (status: number, retryAfter: number | null = null) =>
    new ApiError({ status, code: 'X', message: 'x', retryAfter });

  it('never retries 4xx except 429', () => {
    expect(shouldRetry(0, err(400))).toBe(false);
    expect(shouldRetry(0, err(401))).toBe(false);
    expect(shouldRetry(0, err(404))).toBe(false);
    expect(shouldRetry(0, err(429))).toBe(true);
  });

  it('retries 5xx and network failures a bounded number of times', () => {
    expect(shouldRetry(0, err(503))).toBe(true);
    expect(shouldRetry(1, err(0))).toBe(true);
    expect(shouldRetry(2, err(500))).toBe(false);
  });

  it('waits out Retry-After, else backs off', () => {
    expect(retryDelay(0, err(429, 7))).toBe(7000);
    expect(retryDelay(0, err(500))).toBe(500);
    expect(retryDelay(1, err(500))).toBe(1500);
    expect(retryDelay(10, err(500))).toBe(8000);
  });
});
