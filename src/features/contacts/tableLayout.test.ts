import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, parseLayout, visibilityOf } from './tableLayout';

const HIDEABLE = ['region', 'channels', 'created'];

describe('parseLayout', () => {
  it('reads a stored layout', () => {
    expect(parseLayout('{"hidden":["created","region"],"density":"compact"}', HIDEABLE)).toEqual({
      hidden: ['region', 'created'],
      density: 'compact',
    });
  });

  it('falls back to the default for missing, broken or foreign values', () => {
    for (const raw of [null, '', '{', 'null', '42', '"x"', '[]', '{"hidden":"region"}', 'undefined']) {
      const layout = parseLayout(raw, HIDEABLE);
      expect(layout.density).toBe('comfortable');
      expect(layout.hidden).toEqual([]);
    }
    expect(parseLayout('{}', HIDEABLE)).toEqual(DEFAULT_LAYOUT);
  });

  it('drops unknown columns and never hides one that cannot be hidden (the number)', () => {
    expect(parseLayout('{"hidden":["number","nope",3,"channels"],"density":"tiny"}', HIDEABLE)).toEqual({
      hidden: ['channels'],
      density: 'comfortable',
    });
  });
});

describe('visibilityOf', () => {
  it('maps hidden ids to TanStack columnVisibility state', () => {
    expect(visibilityOf({ hidden: ['region'], density: 'compact' })).toEqual({ region: false });
    expect(visibilityOf(DEFAULT_LAYOUT)).toEqual({});
  });
});
