// The one definition of URL state every list uses: fallbacks per field, canonical writing, the page rule.
import { describe, expect, it } from 'vitest';
import { defineParams, param } from './defineParams';

const SIZES = [25, 50] as const;
const list = defineParams(
  {
    q: param.text(5),
    kind: param.oneOf(['a', 'b'], 'a'),
    day: param.pattern(/^\d{4}-\d{2}-\d{2}$/),
    page_size: param.pageSize(SIZES, 25),
    page: param.page(),
  },
  { resetsPage: ['q', 'kind', 'page_size'], tidy: (p) => (p.q ? p : { ...p, day: undefined }) },
);

describe('defineParams', () => {
  it('reads good values and lets each bad one fall back on its own', () => {
    expect(list.parse('q=%20hello%20world&kind=b&day=2025-01-02&page_size=50&page=3')).toEqual({
      q: 'hello',
      kind: 'b',
      day: '2025-01-02',
      page_size: 50,
      page: 3,
    });
    expect(list.parse('q=x&kind=z&day=soon&page_size=7&page=-1')).toEqual({
      ...list.defaults,
      q: 'x',
    });
    expect(list.parse('page=2.5').page).toBe(1);
    expect(list.parse('page=2&page=9').page).toBe(2);
  });

  it('writes in its own order, defaults and meaningless values left out', () => {
    expect(list.search(list.defaults)).toBe('');
    expect(list.search({ ...list.defaults, page: 2, kind: 'b', q: 'hi' })).toBe('?q=hi&kind=b&page=2');
    expect(list.serialize({ ...list.defaults, day: '2025-01-02' }).toString()).toBe('');
  });

  it('sends a changed filter or page size back to page 1, unless the patch sets the page', () => {
    const on3 = { ...list.defaults, page: 3 };
    expect(list.patch(on3, { kind: 'b' }).page).toBe(1);
    expect(list.patch(on3, { page_size: 50 }).page).toBe(1);
    expect(list.patch(on3, { kind: 'a' }).page).toBe(3); // unchanged value
    expect(list.patch(on3, { q: 'x', page: 2 }).page).toBe(2);
    expect(list.patch(on3, { page_size: 99 as never }).page_size).toBe(25);
  });

  it('gives the hidden fields of a form that sets some values itself, never the page', () => {
    const params = { ...list.defaults, q: 'hi', kind: 'b' as const, page: 4 };
    expect(list.formFields(params)).toEqual([
      ['q', 'hi'],
      ['kind', 'b'],
    ]);
    expect(list.formFields(params, 'kind')).toEqual([['q', 'hi']]);
  });
});
