import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  clampPage,
  DEFAULT_PARAMS,
  formFields,
  hasFilters,
  listHref,
  parseListParams,
  serializeListParams,
} from './listParams';

const PROFILE = '7a3d2c10-0000-4000-8000-000000000011';

describe('parseListParams', () => {
  it('reads valid values', () => {
    expect(
      parseListParams(
        `page=3&page_size=50&search=415&channel=whatsapp&phone=%2B14155550100&profile=${PROFILE}`,
      ),
    ).toEqual({
      page: 3,
      page_size: 50,
      search: '415',
      channel: 'whatsapp',
      phone: '+14155550100',
      profile: PROFILE,
    });
  });

  it('falls back per field on bad values', () => {
    expect(parseListParams('page=-3&page_size=9999&channel=fax&profile=not-a-uuid&region=gb')).toEqual(
      DEFAULT_PARAMS,
    );
    expect(parseListParams('page=2.5&page_size=abc&search=%20%20')).toEqual(DEFAULT_PARAMS);
    expect(parseListParams('page=99999999999&page_size=0')).toMatchObject({ page: 1, page_size: 20 });
    // One bad field does not take the good ones down with it.
    expect(parseListParams('page=4&channel=fax')).toMatchObject({ page: 4, channel: undefined });
  });

  it('keeps a typed phone number raw (screens normalise it) with its region, trimmed and capped', () => {
    expect(parseListParams('phone=%20020%207946%200958%20&region=GB')).toMatchObject({
      phone: '020 7946 0958',
      region: 'GB',
    });
    expect(parseListParams('phone=hello').phone).toBe('hello');
    expect(parseListParams(`phone=${'1'.repeat(500)}`).phone).toHaveLength(40);
    expect(parseListParams('phone=%20%20').phone).toBeUndefined();
  });

  it('uses the first of repeated keys and caps long searches', () => {
    expect(parseListParams('page=2&page=5').page).toBe(2);
    expect(parseListParams(`search=${'9'.repeat(500)}`).search).toHaveLength(64);
  });

  it('defaults everything for an empty query', () => {
    expect(parseListParams('')).toEqual({ page: 1, page_size: 20, search: '' });
  });
});

describe('serializeListParams', () => {
  it('omits defaults', () => {
    expect(serializeListParams(DEFAULT_PARAMS).toString()).toBe('');
    expect(serializeListParams({ ...DEFAULT_PARAMS, page: 2, channel: 'sms' }).toString()).toBe(
      'channel=sms&page=2',
    );
  });

  it('keeps the region only for a number that still needs it', () => {
    expect(serializeListParams({ ...DEFAULT_PARAMS, phone: '020 7946', region: 'GB' }).toString()).toBe(
      'phone=020+7946&region=GB',
    );
    expect(serializeListParams({ ...DEFAULT_PARAMS, phone: '+442079460958', region: 'GB' }).toString()).toBe(
      'phone=%2B442079460958',
    );
    expect(serializeListParams({ ...DEFAULT_PARAMS, region: 'GB' }).toString()).toBe('');
  });

  it('keeps "look in all my profiles" only with a number to look up', () => {
    expect(parseListParams('phone=%2B442079460958&in=all').in).toBe('all');
    expect(parseListParams('phone=%2B442079460958&in=some').in).toBeUndefined();
    expect(serializeListParams({ ...DEFAULT_PARAMS, phone: '+442079460958', in: 'all' }).toString()).toBe(
      'phone=%2B442079460958&in=all',
    );
    expect(serializeListParams({ ...DEFAULT_PARAMS, in: 'all' }).toString()).toBe('');
  });

  it('round-trips', () => {
    const params = parseListParams(`page=3&page_size=100&search=44&channel=sms&profile=${PROFILE}`);
    expect(parseListParams(serializeListParams(params))).toEqual(params);
  });
});

describe('applyPatch', () => {
  const onPage4 = { ...DEFAULT_PARAMS, page: 4 };

  it('resets to page 1 when a filter, the page size or the profile changes', () => {
    expect(applyPatch(onPage4, { search: '415' }).page).toBe(1);
    expect(applyPatch(onPage4, { channel: 'sms' }).page).toBe(1);
    expect(applyPatch(onPage4, { page_size: 50 })).toMatchObject({ page: 1, page_size: 50 });
    expect(applyPatch(onPage4, { profile: PROFILE }).page).toBe(1);
  });

  it('keeps the page when nothing that affects paging changed', () => {
    expect(applyPatch(onPage4, { search: '' }).page).toBe(4);
    expect(applyPatch(onPage4, { page: 5 }).page).toBe(5);
  });

  it('validates patched values too', () => {
    expect(applyPatch(onPage4, { page: -1 }).page).toBe(1);
    expect(applyPatch(onPage4, { channel: undefined }).channel).toBeUndefined();
  });
});

describe('helpers', () => {
  it('hasFilters ignores paging and profile', () => {
    expect(hasFilters({ ...DEFAULT_PARAMS, page: 3, profile: PROFILE })).toBe(false);
    expect(hasFilters({ ...DEFAULT_PARAMS, channel: 'sms' })).toBe(true);
  });

  it('clampPage keeps pages in range', () => {
    expect(clampPage(9, 8)).toBe(8);
    expect(clampPage(3, 8)).toBe(3);
    expect(clampPage(5, 0)).toBe(1);
  });
});

describe('plain links and forms', () => {
  const params = parseListParams(`page=3&page_size=50&channel=sms&search=44&profile=${PROFILE}`);

  it('links to the canonical address', () => {
    expect(listHref(DEFAULT_PARAMS)).toBe('/');
    expect(listHref({ ...params, page: 4 })).toBe(
      `/?profile=${PROFILE}&search=44&channel=sms&page_size=50&page=4`,
    );
  });

  it('gives a form the rest of the view, without its own fields and always from page 1', () => {
    expect(formFields(params, 'channel')).toEqual([
      ['profile', PROFILE],
      ['search', '44'],
      ['page_size', '50'],
    ]);
    expect(formFields(DEFAULT_PARAMS)).toEqual([]);
  });
});
