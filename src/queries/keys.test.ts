import { describe, expect, it } from 'vitest';
import { keys, normaliseListQuery, profileIdOfKey } from './keys';

const P1 = '7a3d2c10-0000-4000-8000-000000000011';
const P2 = '7a3d2c10-0000-4000-8000-000000000012';

describe('query keys', () => {
  it('puts the profile id in every contact key', () => {
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

  it('keeps profiles apart and nests lists under the profile prefix', () => {
    const a = keys.list(P1, { page: 1, pageSize: 20 });
    const b = keys.list(P2, { page: 1, pageSize: 20 });
    expect(a).not.toEqual(b);
    expect(a.slice(0, 2)).toEqual(keys.profile(P1));
    expect(a.slice(0, 4)).toEqual(keys.lists(P1));
    expect(keys.detail(P1, 'x').slice(0, 2)).not.toEqual(keys.profile(P2));
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

  it('account keys carry no profile id, and a contact key gives its profile id back', () => {
    expect(profileIdOfKey(keys.me())).toBeUndefined();
    expect(profileIdOfKey(keys.list(P1, { page: 1, pageSize: 10 }))).toBe(P1);
    expect(profileIdOfKey(keys.list(null, { page: 1, pageSize: 10 }))).toBeNull();
    expect(profileIdOfKey(['other'])).toBeUndefined();
  });
});
