// The Activity screen's URL: filters and the page cursor survive a round trip; bad values fall back.
import { describe, expect, it } from 'vitest';
import { activitySearch, parseActivityParams } from './activityParams';

const parse = (search: string) => parseActivityParams(new URLSearchParams(search));

describe('activity params', () => {
  it('keeps the filters, one cursor and the page size', () => {
    const params = parse(
      'actor=u-1&number=23&action=lookup&from=2025-03-04&before=12.1741082400000&page_size=25',
    );
    expect(params).toEqual({
      filters: { actor: 'u-1', number: '23', action: 'lookup', from: '2025-03-04' },
      cursor: { before: '12.1741082400000' },
      pageSize: 25,
    });
    expect(parse(activitySearch(params).slice(1))).toEqual(params);
    expect(activitySearch({ ...params, cursor: { after: '9.1' } })).toContain('after=9.1');
  });

  it.each([
    ['before=yesterday', null],
    ['after=12', null],
    ['before=1.2&after=3.4', null], // one or the other
    ['after=3.4', { after: '3.4' }],
  ])('%s → cursor %o', (search, cursor) => {
    expect(parse(search).cursor).toEqual(cursor);
  });

  it('drops bad filters and sizes, and leaves defaults out of the URL', () => {
    expect(parse('action=drop_table&from=soon&page_size=7&page=3')).toEqual({
      filters: {},
      cursor: null,
      pageSize: 50,
    });
    expect(activitySearch({ filters: {}, cursor: null, pageSize: 50 })).toBe('');
  });
});
