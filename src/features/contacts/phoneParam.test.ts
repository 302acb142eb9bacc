import { describe, expect, it } from 'vitest';
import * as lib from '../../lib/phoneLib';
import { DEFAULT_PARAMS } from '../../url-state/listParams';
import { resolvePhoneParam } from './phoneParam';

describe('resolvePhoneParam', () => {
  const withPhone = (phone: string, region?: string) => ({ ...DEFAULT_PARAMS, phone, region });

  it('normalises a typed number with the region from the form', () => {
    const result = resolvePhoneParam(withPhone('020 7946 0958', 'GB'), lib, 'US');
    expect(result).toEqual({ params: withPhone('+442079460958'), problem: null, pending: false });
  });

  it('falls back on the default region when the URL has none', () => {
    expect(resolvePhoneParam(withPhone('(415) 555-0100'), lib, 'US').params.phone).toBe('+14155550100');
    expect(resolvePhoneParam(withPhone('(415) 555-0100'), lib, 'GB').params.phone).not.toBe('+14155550100');
  });

  it('explains an invalid number and drops it from the params', () => {
    const result = resolvePhoneParam(withPhone('call me maybe', 'GB'), lib, 'US');
    expect(result.params.phone).toBeUndefined();
    expect(result.problem).toEqual({
      text: 'call me maybe',
      reason: expect.stringContaining('only contain digits'),
    });
  });

  it('needs no library for E.164, and waits for it otherwise', () => {
    expect(resolvePhoneParam(withPhone('+442079460958', 'GB'), null, 'US')).toEqual({
      params: withPhone('+442079460958'),
      problem: null,
      pending: false,
    });
    expect(resolvePhoneParam(withPhone('020 7946 0958'), null, 'US').pending).toBe(true);
  });
});
